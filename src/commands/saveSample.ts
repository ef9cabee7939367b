import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { ConditionTestNode } from '../views/conditionTest/conditionTestTreeProvider';
import { Command } from './commandTable';

/** Saves a generated event as `.oew/samples/<eventType>.json`, ready to edit, without overwriting one. */
export const saveSample: Command = {
  id: 'oew.condition.saveSample',
  run: async (_ctx, node?: ConditionTestNode) => {
    if (node?.kind !== 'result') {
      throw new UserError('Choose an event in the Condition Test view.', 'Run "Test against sample events" first.');
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      throw new UserError(
        'Samples are saved in the workspace, and no folder is open.',
        'Open a folder, then try again.',
      );
    }
    const dir = vscode.Uri.joinPath(folder.uri, '.oew', 'samples');
    await vscode.workspace.fs.createDirectory(dir);
    const base = node.result.sample.label.replace(/[^\w.-]+/g, '_');
    let target = vscode.Uri.joinPath(dir, `${base}.json`);
    for (let n = 2; await exists(target); n++) {
      target = vscode.Uri.joinPath(dir, `${base}-${n}.json`);
    }
    await vscode.workspace.fs.writeFile(
      target,
      new TextEncoder().encode(JSON.stringify(node.result.sample.event, null, 2) + '\n'),
    );
    await vscode.window.showTextDocument(target);
    return target;
  },
};

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
