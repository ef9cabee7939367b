import * as vscode from 'vscode';

/**
 * The context keys the manifest's `when` clauses read; each is named here once, so that a
 * key the code sets and a key package.json tests cannot drift apart unseen.
 */
export type ContextKey =
  | 'oew.tenancy.configMissing'
  | 'oew.tenancy.ruleFilter'
  | 'oew.conditionTest.hasResults'
  | 'oew.filterEvaluation.hasResults'
  | 'oew.localEmulator.running'
  | 'oew.inbox.running';

/** Not awaited by callers: VS Code applies it in order, and nothing waits on a menu's visibility. */
export function setContext(key: ContextKey, value: boolean): void {
  void vscode.commands.executeCommand('setContext', key, value);
}
