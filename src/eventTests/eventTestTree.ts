import * as path from 'path';
import * as vscode from 'vscode';
import { namedFiles } from '../core/eventTests/namedFiles';
import { expectText } from '../core/eventTests/outcomeLines';
import { ParsedTestFile, parseTestFile, Span } from '../core/eventTests/testFile';
import { Disposable } from '../platform/disposable';
import { inBackground } from '../platform/errorBoundary';
import { textRanges } from '../platform/textRange';
import { uriExists } from '../platform/uriExists';
import { workspaceText } from '../platform/workspaceText';

export const TEST_FILE_SUFFIX = '.eventtest.json';
const TEST_FILE_GLOB = `**/*${TEST_FILE_SUFFIX}`;
const EXCLUDED = '**/node_modules/**';
/** A workspace holds a few dozen test files; past this it is not one to list in full. */
const MAX_FILES = 10_000;
// Long enough to skip the states between keystrokes, short enough that the view follows the typing.
const DEBOUNCE_MS = 300;
const READ_AT_ONCE = 32;
/** The timer key of the search of new folders, beside those of files (which are URIs). */
const CREATED = 'created folders';

/**
 * The Testing view's rows: a folder of test files, a test file, a case. Found without opening
 * a file and kept up to date as files change on disk or in an editor; each file's problems
 * (its own, a file it names that is missing, and an input a run could not read) are diagnostics.
 */
export class EventTestTree extends Disposable {
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('oew-event-tests'));
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly fileProblems = new Map<string, vscode.Diagnostic[]>();
  private readonly runProblems = new Map<string, vscode.Diagnostic[]>();
  /**
   * Each file's latest read, forgotten when the file goes: a read that a later one or a delete
   * overtook while it waited on the disk must not put back rows the view has since dropped, nor
   * its slow check of named files land on a newer parse.
   */
  private readonly latest = new Map<string, number>();
  private sequence = 0;
  private discovered: Promise<void> | undefined;
  /** Files and folders created since the last search of new folders. */
  private created = new Set<string>();

  constructor(
    private readonly controller: vscode.TestController,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(TEST_FILE_GLOB));
    this._register(watcher.onDidCreate((uri) => this.schedule(uri)));
    this._register(watcher.onDidChange((uri) => this.schedule(uri)));
    this._register(watcher.onDidDelete((uri) => this.remove(uri)));
    // A delete from the Explorer is also told here, so its rows go even when the watcher drops the event.
    this._register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.removeUnder(uri))));
    // A file created with its folder (a checkout, a copy) may come with no event of its own:
    // a new folder is searched once things settle.
    const folders = this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, true));
    this._register(folders.onDidCreate((uri) => this.folderCreated(uri)));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => isTestFile(e.document.uri) && this.schedule(e.document.uri)),
    );
    // An opened test file gets its rows, and so its gutter icons, before the view is ever shown.
    this._register(vscode.workspace.onDidOpenTextDocument((d) => isTestFile(d.uri) && this.schedule(d.uri)));
    vscode.workspace.textDocuments.filter((d) => isTestFile(d.uri)).forEach((d) => this.schedule(d.uri));
    // Closing an editor with unsaved edits drops them: the disk's text is the file again.
    this._register(vscode.workspace.onDidCloseTextDocument((d) => isTestFile(d.uri) && this.schedule(d.uri)));
    this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    controller.resolveHandler = (item) => (item ? Promise.resolve() : this.discover());
  }

  /** Finds every test file of the workspace once; later changes arrive through the watchers. */
  discover(): Promise<void> {
    this.discovered ??= this.findAll().then(() => undefined);
    return this.discovered;
  }

  /** Finds every test file again, for the view's Refresh: rows of files no longer there go. */
  async rediscover(): Promise<void> {
    const search = this.findAll();
    this.discovered = search.then(() => undefined);
    const found = await search;
    this.removeWhere((id) => !found.has(id));
  }

  /** Reads every test file of the workspace; the ids of their rows. */
  private async findAll(): Promise<Set<string>> {
    const files = await vscode.workspace.findFiles(TEST_FILE_GLOB, EXCLUDED, MAX_FILES);
    await this.refreshAll(files);
    return new Set(files.map((uri) => uri.toString()));
  }

  /** Reads test files a few at a time: a large workspace must not open thousands of files at once. */
  private async refreshAll(files: readonly vscode.Uri[]): Promise<void> {
    for (let i = 0; i < files.length; i += READ_AT_ONCE) {
      await Promise.all(files.slice(i, i + READ_AT_ONCE).map((uri) => this.refresh(uri)));
    }
  }

  /** Reads a test file again and updates its rows and problems; returns its row, or none when it is gone. */
  async refresh(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
    const id = uri.toString();
    const read = ++this.sequence;
    this.latest.set(id, read);
    // A deleted file's document may stay open a while after its editor closed: only unsaved edits keep it.
    const dirty = vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === id);
    let text: string | undefined;
    if (dirty || (await uriExists(uri))) {
      text = await workspaceText(uri, path.basename(uri.fsPath)).catch(() => undefined);
    }
    if (this.latest.get(id) !== read) {
      return this.controller.items.get(folderIdOf(uri))?.children.get(id);
    }
    if (text === undefined) {
      this.remove(uri);
      return undefined;
    }
    return this.update(uri, text, read);
  }

  /** Problems a run found in this file's inputs, shown until the file changes or runs again. */
  setRunProblems(uri: vscode.Uri, problems: readonly { span: Span; message: string }[], text: string): void {
    const range = textRanges(text);
    this.runProblems.set(
      uri.toString(),
      problems.map((p) => diagnostic(range(p.span), p.message)),
    );
    this.publish(uri);
  }

  /** Every row at the top: one per folder of test files. */
  roots(): vscode.TestItem[] {
    const roots: vscode.TestItem[] = [];
    this.controller.items.forEach((item) => roots.push(item));
    return roots;
  }

  private update(uri: vscode.Uri, text: string, read: number): vscode.TestItem {
    const parsed = parseTestFile(text);
    const id = uri.toString();
    const folder = this.folderOf(uri);
    let file = folder.children.get(id);
    if (!file) {
      file = this.controller.createTestItem(id, path.basename(uri.fsPath, TEST_FILE_SUFFIX), uri);
      folder.children.add(file);
    }
    file.description = subjectText(parsed);
    const range = textRanges(text);
    const rows = [
      ...parsed.cases.map((c) => ({
        name: c.name,
        span: c.span,
        description: vscode.l10n.t('expects {0}', expectText(c.expect)),
      })),
      ...parsed.invalid.map((c) => ({
        name: c.name,
        span: c.span,
        description: vscode.l10n.t('cannot run: see Problems'),
      })),
    ];
    const items = rows.map((row) => {
      const caseId = `${id}#${row.name}`;
      const item = file.children.get(caseId) ?? this.controller.createTestItem(caseId, row.name, uri);
      item.range = range(row.span);
      item.description = row.description;
      // Cases in the order written, not by name.
      item.sortText = String(row.span.start).padStart(12, '0');
      return item;
    });
    file.children.replace(items);
    this.runProblems.delete(id);
    this.fileProblems.set(
      id,
      parsed.problems.map((p) => diagnostic(range(p), p.message)),
    );
    this.publish(uri);
    inBackground(this.log, 'Checking the files a test file names', this.checkNamedFiles(uri, parsed, range, read));
    return file;
  }

  /** A file the test file names that is not there is a problem at its path, found without a run. */
  private async checkNamedFiles(
    uri: vscode.Uri,
    parsed: ParsedTestFile,
    range: (span: Span) => vscode.Range,
    read: number,
  ): Promise<void> {
    const folder = vscode.Uri.joinPath(uri, '..');
    const missing: vscode.Diagnostic[] = [];
    for (const named of namedFiles(parsed)) {
      if (!(await uriExists(vscode.Uri.joinPath(folder, named.path)))) {
        missing.push(
          diagnostic(
            range(named.span),
            vscode.l10n.t('The {0} {1} is not there: paths are relative to this test file.', named.what, named.path),
          ),
        );
      }
    }
    const id = uri.toString();
    if (missing.length && this.latest.get(id) === read) {
      this.fileProblems.set(id, [...(this.fileProblems.get(id) ?? []), ...missing]);
      this.publish(uri);
    }
  }

  private publish(uri: vscode.Uri): void {
    const id = uri.toString();
    this.diagnostics.set(uri, [...(this.fileProblems.get(id) ?? []), ...(this.runProblems.get(id) ?? [])]);
  }

  private remove(uri: vscode.Uri): void {
    const id = uri.toString();
    this.latest.delete(id);
    this.fileProblems.delete(id);
    this.runProblems.delete(id);
    this.diagnostics.delete(uri);
    const folderId = folderIdOf(uri);
    const folder = this.controller.items.get(folderId);
    folder?.children.delete(id);
    if (folder && folder.children.size === 0) {
      this.controller.items.delete(folderId);
    }
  }

  /** Drops the rows of a deleted file, or of every test file in a deleted folder. */
  private removeUnder(deleted: vscode.Uri): void {
    const prefix = `${deleted.toString()}/`;
    this.removeWhere((id) => id === deleted.toString() || id.startsWith(prefix));
  }

  private removeWhere(drop: (fileId: string) => boolean): void {
    const gone: string[] = [];
    this.controller.items.forEach((folder) => folder.children.forEach((file) => drop(file.id) && gone.push(file.id)));
    gone.forEach((id) => this.remove(vscode.Uri.parse(id)));
  }

  private folderCreated(uri: vscode.Uri): void {
    if (isTestFile(uri) || /\/(node_modules|\.git)(\/|$)/.test(uri.path)) {
      return;
    }
    // Bounded: the outermost new folders come first, and they are what is searched.
    if (this.created.size < MAX_FILES) {
      this.created.add(uri.toString());
    }
    clearTimeout(this.timers.get(CREATED));
    this.timers.set(
      CREATED,
      setTimeout(() => {
        this.timers.delete(CREATED);
        const created = this.created;
        this.created = new Set();
        // Only the outermost new folders: a search of one covers what was made inside it.
        const outermost = [...created].filter((u) => !ancestorsOf(u).some((ancestor) => created.has(ancestor)));
        inBackground(this.log, 'Looking for test files in a new folder', this.searchFolders(outermost));
      }, DEBOUNCE_MS),
    );
  }

  private async searchFolders(uris: readonly string[]): Promise<void> {
    for (const text of uris) {
      const uri = vscode.Uri.parse(text);
      const isFolder = await vscode.workspace.fs.stat(uri).then(
        (s) => (s.type & vscode.FileType.Directory) !== 0,
        () => false,
      );
      if (isFolder) {
        const files = await vscode.workspace.findFiles(
          new vscode.RelativePattern(uri, TEST_FILE_GLOB),
          EXCLUDED,
          MAX_FILES,
        );
        await this.refreshAll(files);
      }
    }
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        inBackground(this.log, 'Reading a test file', this.refresh(uri));
      }, DEBOUNCE_MS),
    );
  }

  private folderOf(uri: vscode.Uri): vscode.TestItem {
    const id = folderIdOf(uri);
    const known = this.controller.items.get(id);
    if (known) {
      return known;
    }
    const dir = vscode.Uri.joinPath(uri, '..');
    const relative = vscode.workspace.asRelativePath(dir, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    const label = relative === dir.fsPath ? path.basename(dir.fsPath) : relative;
    const folder = this.controller.createTestItem(id, label, dir);
    this.controller.items.add(folder);
    return folder;
  }
}

export function isTestFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(TEST_FILE_SUFFIX);
}

/** The URIs of the folders above one, as text: `file:///a/b/c` → `file:///a/b`, `file:///a`, …. */
function ancestorsOf(uri: string): string[] {
  const ancestors: string[] = [];
  for (let end = uri.lastIndexOf('/'); end > 0 && uri[end - 1] !== '/'; end = uri.lastIndexOf('/', end - 1)) {
    ancestors.push(uri.slice(0, end));
  }
  return ancestors;
}

function folderIdOf(uri: vscode.Uri): string {
  return `folder:${vscode.Uri.joinPath(uri, '..').toString()}`;
}

function subjectText(parsed: ParsedTestFile): string {
  const subject = parsed.subject;
  // The file's name: the folders before it would leave no room in the side bar.
  return !subject
    ? vscode.l10n.t('no subject')
    : 'path' in subject
      ? `${subject.kind} ${path.posix.basename(subject.path)}`
      : vscode.l10n.t('inline condition');
}

function diagnostic(range: vscode.Range, message: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
  d.source = vscode.l10n.t('OCI event test');
  return d;
}
