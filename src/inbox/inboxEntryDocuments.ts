import * as vscode from 'vscode';
import { inboxEntryText } from '../core/inbox/inboxEntryText';
import { InboxRecord } from '../core/inbox/inboxRecord';

export const INBOX_ENTRY_SCHEME = 'oew-inbox';

/** Read-only documents of received requests, for Open Entry; held in memory, never written to disk. */
export class InboxEntryDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly _onDidChange = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this._onDidChange.event;

  async open(record: InboxRecord): Promise<vscode.TextEditor> {
    const { text, language } = inboxEntryText(record);
    const uri = vscode.Uri.from({ scheme: INBOX_ENTRY_SCHEME, path: `/request ${record.seq}` });
    this.contents.set(uri.toString(), text);
    this._onDidChange.fire(uri);
    const document = await vscode.languages.setTextDocumentLanguage(
      await vscode.workspace.openTextDocument(uri),
      language,
    );
    return vscode.window.showTextDocument(document, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}
