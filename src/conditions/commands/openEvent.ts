import * as path from 'path';
import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { resultDocument } from '../../core/condition/testResultText';
import { ConditionTestNode } from '../conditionTestView';
import { optional, row } from '../../core/commands/commandArgs';
import { conditionsCommand } from '../conditionsContext';

/** Opens an event of the Condition Test view as a read-only document, its whole trace on top. */
export const openEvent = conditionsCommand({
  id: 'oew.condition.openEvent',
  args: [optional(row<ConditionTestNode>('a row of the Condition Test view', 'result', 'detail', 'problem'))],
  run: async (ctx, node?: ConditionTestNode) => {
    const run = ctx.conditions.results.run;
    if (node?.kind !== 'result' || !run) {
      throw new UserError(
        vscode.l10n.t('Choose an event in the Condition Test view.'),
        vscode.l10n.t('Run "Test against sample events" first.'),
      );
    }
    const { result } = node;
    const name = result.sample.label.replace(/[^\w.-]+/g, '_');
    return ctx.conditions.events.show(
      `${path.basename(run.document.path)}/${name}.json`,
      resultDocument(result, vscode.workspace.asRelativePath(run.document)),
      'jsonc',
    );
  },
});
