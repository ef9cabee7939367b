import * as vscode from 'vscode';

/** "Test against sample events" above every condition document. */
export class ConditionCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: vscode.l10n.t('$(beaker) Test against sample events'),
        command: 'oew.condition.testAgainstSamples',
        arguments: [document.uri],
      }),
    ];
  }
}
