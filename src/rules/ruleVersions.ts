import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';

export const RULE_VERSION_SCHEME = 'oci-rule-version';

/**
 * Read-only texts of a rule's versions for a diff: the one on the service and the user's,
 * kept while the diff may be open.
 */
export class RuleVersions extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this._onDidChange.event;

  constructor() {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(RULE_VERSION_SCHEME, this));
  }

  /** A URI that shows `text`, named `label` in the editor's title. */
  put(key: string, label: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: RULE_VERSION_SCHEME, path: `/${key}/${label}.rule.json` });
    this.texts.set(uri.toString(), text);
    this._onDidChange.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
