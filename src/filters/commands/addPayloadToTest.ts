import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { optional, row } from '../../core/commands/commandArgs';
import { addToTest } from '../../eventTests';
import { FilterEvaluationNode, GENERATED_PREFIX } from '../filterEvaluationView';
import { filtersCommand } from '../filtersContext';

/** Add to Test…: a payload of the Filter Evaluation view becomes a case of a test of the same filter, with its value now. */
export const addPayloadToTest = filtersCommand({
  id: 'oew.xpath.addToTest',
  args: [optional(row<FilterEvaluationNode>('a row of the Filter Evaluation view', 'result', 'detail', 'problem'))],
  run: (ctx, node?: FilterEvaluationNode) => {
    const run = ctx.filters.results.run;
    if (node?.kind !== 'result' || !run) {
      throw new UserError(
        vscode.l10n.t('Choose a payload in the Filter Evaluation view.'),
        vscode.l10n.t('Run "Evaluate against payloads" first.'),
      );
    }
    const { result } = node;
    if (result.evaluation.value === undefined) {
      throw new UserError(
        result.evaluation.error === undefined
          ? vscode.l10n.t('The filter could not be evaluated on {0}: no value', result.label)
          : vscode.l10n.t('The filter could not be evaluated on {0}: {1}', result.label, result.evaluation.error),
        vscode.l10n.t('Add a payload the filter evaluates to true or false.'),
      );
    }
    return addToTest({
      input: 'file' in result.origin ? { payloadFile: result.origin.file } : { payload: result.origin.generated },
      expect: result.evaluation.value,
      subject: run.document,
      suggestedName: result.label.replace(GENERATED_PREFIX, ''),
    });
  },
});
