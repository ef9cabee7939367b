import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { ConditionTestNode } from '../conditionTestView';
import { writeSampleFile } from '../../platform/sampleFiles';
import { optional, row } from '../../core/commands/commandArgs';
import { conditionsCommand } from '../conditionsContext';

/** Saves a generated event as `.oew/samples/<eventType>.json`, ready to edit, without overwriting one. */
export const saveSample = conditionsCommand({
  id: 'oew.condition.saveSample',
  args: [optional(row<ConditionTestNode>('a row of the Condition Test view', 'result', 'detail', 'problem'))],
  run: async (_ctx, node?: ConditionTestNode) => {
    if (node?.kind !== 'result') {
      throw new UserError(
        vscode.l10n.t('Choose an event in the Condition Test view.'),
        vscode.l10n.t('Run "Test against sample events" first.'),
      );
    }
    const target = await writeSampleFile(node.result.sample.label, node.result.sample.event);
    await vscode.window.showTextDocument(target);
    return target;
  },
});
