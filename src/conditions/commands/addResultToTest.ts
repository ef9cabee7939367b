import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { optional, row } from '../../core/commands/commandArgs';
import { addToTest } from '../../eventTests';
import { ConditionTestNode } from '../conditionTestView';
import { conditionsCommand } from '../conditionsContext';

/** Add to Test…: an event of the Condition Test view becomes a case of a test of the same condition, as it matched now. */
export const addResultToTest = conditionsCommand({
  id: 'oew.condition.addToTest',
  args: [optional(row<ConditionTestNode>('a row of the Condition Test view', 'result', 'detail', 'problem'))],
  run: (ctx, node?: ConditionTestNode) => {
    const run = ctx.conditions.results.run;
    if (node?.kind !== 'result' || !run) {
      throw new UserError(
        vscode.l10n.t('Choose an event in the Condition Test view.'),
        vscode.l10n.t('Run "Test against sample events" first.'),
      );
    }
    const { result } = node;
    return addToTest({
      input: { event: result.sample.event },
      expect: result.matched ? 'match' : 'no match',
      subject: run.document,
      suggestedName: result.sample.label,
    });
  },
});
