import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import type { Finding } from '../core/condition/findings';
import { describeError } from '../core/errors/userError';
import type { OciClients } from '../core/oci';
import { ruleDetailsOf, ruleDocumentText } from '../core/rules/ruleDocument';
import { ActionSummary, readTargetName, targetOf } from '../core/tenancy/ruleActions';
import { checkBeforeDeploy } from './deployGate';
import { parseRuleUri, RULE_SCHEME } from './ruleUri';
import { ReadOnlyDocuments } from '../platform/readOnlyDocuments';
import { askDeployWithWarnings, askResolveConflict } from './ruleSaveQuestions';

/** The scheme of the read-only texts of a rule's versions, for the diff of a conflict. */
const RULE_VERSION_SCHEME = 'oci-rule-version';

export interface RuleFileSystemDeps {
  clientsFor(profile: string): Promise<OciClients>;
  findings(text: string): readonly Finding[];
  /** A rule was deployed: the views showing it reload it. */
  deployed(profile: string, ruleId: string): void;
}

interface Opened {
  etag: string;
  mtime: number;
  size: number;
  displayName: string;
}

/**
 * Rules as files: reading one reads the rule and the names of its targets; saving deploys it
 * with `if-match`, so a change someone else made since it was read is never overwritten
 * unseen. A save that does not deploy throws, so the editor stays dirty and keeps the text.
 */
export class RuleFileSystem extends Disposable implements vscode.FileSystemProvider {
  private readonly _onDidChangeFile = this._register(new vscode.EventEmitter<vscode.FileChangeEvent[]>());
  readonly onDidChangeFile = this._onDidChangeFile.event;
  private readonly opened = new Map<string, Opened>();
  /** Text read for a `stat`, handed to the `readFile` that follows it. */
  private readonly pending = new Map<string, string>();
  /** A rule's versions on the service and the user's, for the diff of a conflict. */
  private readonly versions = this._register(new ReadOnlyDocuments(RULE_VERSION_SCHEME));

  constructor(private readonly deps: RuleFileSystemDeps) {
    super();
    this._register(vscode.workspace.registerFileSystemProvider(RULE_SCHEME, this, { isCaseSensitive: true }));
    // Opened again, a rule is read again: its ETag must be the one of the text shown.
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.opened.delete(d.uri.toString())));
  }

  /**
   * Shows a rule in an editor, as the server holds it now. The editor keeps a closed document
   * for a while (the OCIDs of emulators, each started afresh, are the same), and the profile
   * may point at another server or key since: a kept document without edits is read again, so
   * that neither its text nor the ETag a save deploys with is another server's or an older
   * version's. Unsaved edits are never replaced; their save meets the server's if-match.
   */
  async show(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const key = uri.toString();
    const kept = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const known = this.opened.get(key);
    if (!kept || kept.isDirty || !known) {
      return vscode.window.showTextDocument(uri, { preview: false });
    }
    const now = await this.read(uri);
    const editor = await vscode.window.showTextDocument(kept, { preview: false });
    const changed = now.etag !== known.etag || now.text !== kept.getText();
    // Revert acts on the active editor, which must be this one without edits.
    if (changed && !kept.isDirty && vscode.window.activeTextEditor?.document === kept) {
      // Remembered only now: edits made while it was read keep the ETag they were made on.
      this.remember(uri, now.etag, now.text, now.displayName);
      this.pending.set(key, now.text);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    return editor;
  }

  watch(): vscode.Disposable {
    // Changes come from this provider only: after a deploy, or when the user takes their version.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    let opened = this.opened.get(uri.toString());
    if (!opened) {
      this.pending.set(uri.toString(), await this.load(uri));
      opened = this.opened.get(uri.toString())!;
    }
    // The time it was read, not the service's: the editor's own "newer on disk" check must not
    // preempt the if-match check, which can show what changed.
    return { type: vscode.FileType.File, ctime: opened.mtime, mtime: opened.mtime, size: opened.size };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const text = this.pending.get(uri.toString()) ?? (await this.load(uri));
    this.pending.delete(uri.toString());
    return new TextEncoder().encode(text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { profile, ruleId } = this.parse(uri);
    const opened = this.opened.get(uri.toString());
    if (!opened) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const text = new TextDecoder().decode(content);
    await checkBeforeDeploy(this.deps.findings(text), (warnings) =>
      askDeployWithWarnings(opened.displayName, warnings),
    );
    const details = ruleDetailsOf(text);
    const clients = await this.deps.clientsFor(profile);
    try {
      await this.deploy(uri, clients, ruleId, details, opened.etag, text);
    } catch (err) {
      const { statusCode, outcomeUnknown } = err as { statusCode?: number; outcomeUnknown?: boolean };
      if (outcomeUnknown) {
        // Saved again, a deploy that did take effect meets its own ETag, and the conflict's diff shows it.
        throw new Error(
          vscode.l10n.t(
            'Rule {0} may or may not be deployed: {1} Save again: if it was, a diff shows it beside your text, which is kept.',
            details.displayName,
            describeError(err).cause,
          ),
          { cause: err },
        );
      }
      if (statusCode !== 412) {
        throw new Error(vscode.l10n.t('Not deployed: {0} Your text is kept.', describeError(err).cause), {
          cause: err,
        });
      }
      await this.resolveConflict(uri, clients, ruleId, details, text);
    }
    this.deps.deployed(profile, ruleId);
  }

  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Rules are opened one at a time from the Tenancy view.'));
  }

  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions(
      vscode.l10n.t('Rules are created with Create Rule… in the Tenancy view.'),
    );
  }

  delete(): never {
    throw vscode.FileSystemError.NoPermissions(
      vscode.l10n.t('Rules are deleted with Delete Rule in the Tenancy view.'),
    );
  }

  rename(): never {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('A rule is renamed by its displayName.'));
  }

  private async deploy(
    uri: vscode.Uri,
    clients: OciClients,
    ruleId: string,
    details: ReturnType<typeof ruleDetailsOf>,
    ifMatch: string,
    text: string,
  ): Promise<void> {
    const { id: _id, compartmentId: _compartment, ...update } = details;
    const { etag } = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Deploying rule {0}…', details.displayName),
      },
      () => clients.updateRule(ruleId, update, ifMatch),
    );
    this.remember(uri, etag, text, details.displayName);
  }

  /** Their version beside the user's, then the user's choice; the user's text survives each. */
  private async resolveConflict(
    uri: vscode.Uri,
    clients: OciClients,
    ruleId: string,
    details: ReturnType<typeof ruleDetailsOf>,
    mine: string,
  ): Promise<void> {
    const current = await clients.getRule(ruleId);
    const theirs = ruleDocumentText(current.rule, await this.targetNames(clients, current.rule.actions?.actions));
    const key = `${ruleId}-${Date.now()}`;
    await vscode.commands.executeCommand(
      'vscode.diff',
      this.versions.put(`${key}/theirs.rule.json`, theirs),
      this.versions.put(`${key}/yours.rule.json`, mine),
      vscode.l10n.t('{0}: theirs ↔ yours', details.displayName),
      // Beside the user's editor, which stays in view with their text.
      { preview: true, viewColumn: vscode.ViewColumn.Beside },
    );
    const choice = await askResolveConflict(details.displayName);
    if (choice === 'mine') {
      await this.deploy(uri, clients, ruleId, details, current.etag, mine);
      return;
    }
    if (choice === 'theirs') {
      // Yours goes to an editor of its own before this one shows theirs.
      const yours = await vscode.workspace.openTextDocument({ language: 'oci-event-rule', content: mine });
      await vscode.window.showTextDocument(yours, { preview: false, viewColumn: vscode.ViewColumn.Beside });
      this.remember(uri, current.etag, theirs, current.rule.displayName);
      // Once this save has completed, the editor reads the file again, which is now theirs.
      setTimeout(() => void this.showStored(uri, theirs), 50);
      return;
    }
    throw new Error(
      vscode.l10n.t(
        'Not deployed: rule {0} changed since you opened it. Your text is kept; the diff shows both.',
        details.displayName,
      ),
    );
  }

  /** Shows `text` as the file's content in its editor, by reverting the editor to the file. */
  private async showStored(uri: vscode.Uri, text: string): Promise<void> {
    this.pending.set(uri.toString(), text);
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    if (editor.document.getText() !== text) {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }

  private async load(uri: vscode.Uri): Promise<string> {
    const { text, etag, displayName } = await this.read(uri);
    this.remember(uri, etag, text, displayName);
    return text;
  }

  /** The rule as the server holds it now, as the document's text. */
  private async read(uri: vscode.Uri): Promise<{ text: string; etag: string; displayName: string }> {
    const { profile, ruleId } = this.parse(uri);
    const clients = await this.deps.clientsFor(profile);
    const { rule, etag } = await clients.getRule(ruleId);
    const text = ruleDocumentText(rule, await this.targetNames(clients, rule.actions?.actions));
    return { text, etag, displayName: rule.displayName };
  }

  private remember(uri: vscode.Uri, etag: string, text: string, displayName: string): void {
    const known = this.opened.get(uri.toString());
    this.opened.set(uri.toString(), {
      etag,
      // The same version read again keeps its time: a newer one would make the editor refuse the next save.
      mtime: known?.etag === etag ? known.mtime : Math.max(Date.now(), (known?.mtime ?? 0) + 1),
      size: new TextEncoder().encode(text).length,
      displayName,
    });
  }

  /** The names of the topics, functions and streams the actions send to; one that cannot be read is left out. */
  private async targetNames(
    clients: OciClients,
    actions: readonly unknown[] | undefined,
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    await Promise.all(
      ((actions ?? []) as ActionSummary[]).map(async (action) => {
        try {
          const name = await readTargetName(clients, action);
          if (name) {
            names.set(targetOf(action), name);
          }
        } catch {
          // The OCID stays; the name is only for reading.
        }
      }),
    );
    return names;
  }

  private parse(uri: vscode.Uri): { profile: string; ruleId: string } {
    const parsed = parseRuleUri(uri);
    if (!parsed) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return parsed;
  }
}
