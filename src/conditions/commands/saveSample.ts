import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { ConditionTestNode } from '../conditionTestTreeProvider';
import { Command } from '../../platform/commandTable';
import { writeSampleFile } from '../../platform/sampleFiles';

/** Saves a generated event as `.oew/samples/<eventType>.json`, ready to edit, without overwriting one. */
export const saveSample: Command = {
  id: 'oew.condition.saveSample',
  run: async (_ctx, node?: ConditionTestNode) => {
    if (node?.kind !== 'result') {
      throw new UserError('Choose an event in the Condition Test view.', 'Run "Test against sample events" first.');
    }
    const target = await writeSampleFile(node.result.sample.label, node.result.sample.event);
    await vscode.window.showTextDocument(target);
    return target;
  },
};
