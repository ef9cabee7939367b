import * as vscode from 'vscode';

/** "Evaluate against payloads" above every filter. */
export class XPathFilterCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, {
        title: vscode.l10n.t('$(play) Evaluate against payloads'),
        command: 'oew.xpath.evaluate',
        arguments: [document.uri],
      }),
      new vscode.CodeLens(top, {
        title: vscode.l10n.t('Choose folder…'),
        command: 'oew.xpath.evaluate',
        arguments: [document.uri, { pickFolder: true }],
      }),
    ];
  }
}
