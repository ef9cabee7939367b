import * as vscode from 'vscode';
import { ruleUri } from '../rules/ruleUri';
import { RuleNode, RuleRefNode } from '../views/tenancy/resourceNodes';
import { Command } from './commandTable';

/** Opens a rule as a document; saving it deploys it. */
export const editRule: Command = {
  id: 'oew.tenancy.editRule',
  run: async (_ctx, node: RuleNode | RuleRefNode) => {
    const profile = node.kind === 'rule' ? node.profile : node.parent.parent.profile;
    const uri = ruleUri(profile.profile.name, node.rule.id);
    // The editor keeps a closed document for a while; one without edits may show a version
    // someone has changed since, so it is read again. Unsaved edits are never replaced.
    const kept = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    if (kept && !kept.isDirty) {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    return editor.document.uri.toString();
  },
};
