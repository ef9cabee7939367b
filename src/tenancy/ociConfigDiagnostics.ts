import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { parseConfig } from '../core/ociConfig/parseConfig';

export const OCI_CONFIG_LANGUAGE = 'oci-config';

/** Shows, as the user types, the line the OCI SDK would refuse in a config file. */
export class OciConfigDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection(OCI_CONFIG_LANGUAGE));

  constructor() {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.update(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.update(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    vscode.workspace.textDocuments.forEach((d) => this.update(d));
  }

  private update(document: vscode.TextDocument): void {
    if (document.languageId !== OCI_CONFIG_LANGUAGE) {
      return;
    }
    const result = parseConfig(document.getText());
    if (result.ok) {
      this.collection.delete(document.uri);
      return;
    }
    const line = document.lineAt(Math.min(result.error.line, document.lineCount) - 1);
    const diagnostic = new vscode.Diagnostic(
      line.range.with(line.range.start.translate(0, line.firstNonWhitespaceCharacterIndex)),
      result.error.message,
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = 'OCI config';
    this.collection.set(document.uri, [diagnostic]);
  }
}
