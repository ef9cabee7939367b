import * as vscode from 'vscode';
import { ruleUri } from '../rules/ruleUri';
import { RuleNode, RuleRefNode } from '../views/tenancy/resourceNodes';
import { Command } from './commandTable';

/** Opens a rule as a document; saving it deploys it. */
export const editRule: Command = {
  id: 'oew.tenancy.editRule',
  run: async (_ctx, node: RuleNode | RuleRefNode) => {
    const profile = node.kind === 'rule' ? node.profile : node.parent.parent.profile;
    const editor = await vscode.window.showTextDocument(ruleUri(profile.profile.name, node.rule.id), {
      preview: false,
    });
    return editor.document.uri.toString();
  },
};
