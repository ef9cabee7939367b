import * as vscode from 'vscode';
import { Disposable } from './disposable';

/**
 * Documents of the extension's own making under one URI scheme, held in memory and never
 * written to disk; VS Code opens them read-only, as there is nothing to save them to.
 */
export class ReadOnlyDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this._onDidChange.event;

  constructor(private readonly scheme: string) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(scheme, this));
  }

  /** The URI of a document holding `text`, titled by the last segment of `path`, as for a diff. */
  put(path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: this.scheme, path: `/${path}` });
    this.contents.set(uri.toString(), text);
    this._onDidChange.fire(uri);
    return uri;
  }

  /** Shows `text` in a preview editor, titled by the last segment of `path`. */
  async show(path: string, text: string, language: string): Promise<vscode.TextEditor> {
    const uri = this.put(path, text);
    const document = await vscode.languages.setTextDocumentLanguage(
      await vscode.workspace.openTextDocument(uri),
      language,
    );
    return vscode.window.showTextDocument(document, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}
