import * as vscode from 'vscode';

export const FUSION_DETAILS_SCHEME = 'oew-fusion';

/** Read-only JSON documents of what a Fusion instance sent, for Open Details. */
export class FusionDetails implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly _onDidChange = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this._onDidChange.event;

  show(path: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: FUSION_DETAILS_SCHEME, path: `/${path}` });
    this.contents.set(uri.toString(), content);
    this._onDidChange.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}
