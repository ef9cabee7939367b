import * as path from 'path';
import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { appendCase, CaseToRecord, newTestFileText } from '../core/eventTests/recordCase';
import { parseTestFile, ParsedTestFile } from '../core/eventTests/testFile';
import { prompts } from '../platform/prompts';
import { toRange } from '../platform/textRange';
import { freeUri } from '../platform/uriExists';
import { workspaceText } from '../platform/workspaceText';
import { TEST_FILE_SUFFIX } from './eventTestTree';

/** What a user just checked, to keep as a case: the input, the outcome seen, and what it was seen with. */
export interface RecordedCase {
  /** A payload file is named by its path relative to the test file; the rest is written inline. */
  readonly input: { readonly event: unknown } | { readonly payload: string } | { readonly payloadFile: vscode.Uri };
  readonly expect: CaseToRecord['expect'];
  /** The rule, condition or filter file the outcome was seen with; none for an inbox entry. */
  readonly subject?: vscode.Uri;
  /** What the name box starts with. */
  readonly suggestedName: string;
}

const EXCLUDED = '**/node_modules/**';
const MAX_LISTED = 1_000;

/**
 * Add to Test…: appends a case with the outcome seen now to a test file of the same subject (or
 * a new one in .oew/tests), through an edit of its document, saved; an editor shows the case.
 */
export async function addToTest(recorded: RecordedCase): Promise<vscode.Uri | undefined> {
  const kind = 'event' in recorded.input ? 'event' : 'payload';
  if (recorded.subject && recorded.subject.scheme !== 'file') {
    throw new UserError(
      vscode.l10n.t(
        'A test names its rule, condition or filter by a file in the workspace, and this one is not saved in one.',
      ),
      vscode.l10n.t('Save it in the workspace (File: Save As…), test it from there, then add the case.'),
    );
  }
  const candidates = await testFilesFor(recorded, kind);
  const choice = await prompts.pick(
    [
      {
        label: vscode.l10n.t('$(new-file) New Test File…'),
        description: recorded.subject ? vscode.l10n.t('tests {0}', relative(recorded.subject)) : '',
      },
      ...candidates.map((c) => ({ label: relative(c.uri), description: c.description, uri: c.uri })),
    ],
    { title: vscode.l10n.t('Add to Test'), placeHolder: vscode.l10n.t('The test file to add the case to') },
  );
  if (!choice) {
    return undefined;
  }
  const target = 'uri' in choice ? candidates.find((c) => c.uri === choice.uri)! : undefined;
  const taken = new Set(target?.parsed.cases.map((c) => c.name) ?? []);
  const name = await prompts.input({
    title: vscode.l10n.t('Add to Test'),
    prompt: vscode.l10n.t("The case's name; it expects {0}", JSON.stringify(recorded.expect)),
    value: uniqueName(recorded.suggestedName, taken),
    validateInput: (value) =>
      !value.trim()
        ? vscode.l10n.t('A case needs a name: the Testing view and oew test show it.')
        : taken.has(value.trim())
          ? vscode.l10n.t('The file already has a case named "{0}".', value.trim())
          : undefined,
  });
  if (name === undefined) {
    return undefined;
  }
  const recordedCase = (at: vscode.Uri): CaseToRecord => ({
    name: name.trim(),
    ...('payloadFile' in recorded.input
      ? { payload: path.posix.relative(path.posix.dirname(at.path), recorded.input.payloadFile.path) }
      : recorded.input),
    expect: recorded.expect,
  });
  const uri = target ? await appendTo(target.uri, recordedCase) : await createTestFile(recorded, kind, recordedCase);
  if (uri) {
    await showCase(uri, name.trim());
  }
  return uri;
}

interface Candidate {
  readonly uri: vscode.Uri;
  readonly parsed: ParsedTestFile;
  readonly description: string;
}

/** Test files that take this input: of the same subject when it is known, else any of the kind. */
async function testFilesFor(recorded: RecordedCase, kind: 'event' | 'payload'): Promise<Candidate[]> {
  const files = await vscode.workspace.findFiles(`**/*${TEST_FILE_SUFFIX}`, EXCLUDED, MAX_LISTED);
  const candidates: Candidate[] = [];
  for (const uri of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const parsed = parseTestFile(await workspaceText(uri, relative(uri)).catch(() => ''));
    const subject = parsed.subject;
    if (!subject || (subject.kind === 'filter') !== (kind === 'payload')) {
      continue;
    }
    const subjectUri = 'path' in subject ? vscode.Uri.joinPath(uri, '..', subject.path) : undefined;
    if (recorded.subject && subjectUri?.toString() !== recorded.subject.toString()) {
      continue;
    }
    const count = parsed.cases.length;
    const subjectName = subjectUri ? relative(subjectUri) : vscode.l10n.t('inline condition');
    candidates.push({
      uri,
      parsed,
      description:
        count === 1 ? vscode.l10n.t('{0} · 1 case', subjectName) : vscode.l10n.t('{0} · {1} cases', subjectName, count),
    });
  }
  return candidates;
}

async function appendTo(uri: vscode.Uri, recordedCase: (at: vscode.Uri) => CaseToRecord): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edits = appendCase(document.getText(), recordedCase(uri));
  if (!edits) {
    throw new UserError(
      vscode.l10n.t('{0} is not a test file a case can be added to: it is not a JSON object.', relative(uri)),
      vscode.l10n.t('Fix it, or add the case to a new test file.'),
    );
  }
  // An edit of the document, not of the disk: unsaved changes in an editor are kept, and it can be undone.
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(uri, toRange(document, e.offset, e.length), e.newText);
  }
  await vscode.workspace.applyEdit(edit);
  await document.save();
  return uri;
}

/** A new test file in .oew/tests, named for its subject, never over an existing file. */
async function createTestFile(
  recorded: RecordedCase,
  kind: 'event' | 'payload',
  recordedCase: (at: vscode.Uri) => CaseToRecord,
): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new UserError(
      vscode.l10n.t('Test files are kept in the workspace, and no folder is open.'),
      vscode.l10n.t('Open a folder, then try again.'),
    );
  }
  const subject = recorded.subject ?? (await pickSubject(kind));
  if (!subject) {
    return undefined;
  }
  const dir = vscode.Uri.joinPath(folder.uri, '.oew', 'tests');
  const base = path.basename(subject.path).replace(/\.(rule|condition)\.json$|\.xpathfilter$|\.json$/, '');
  const target = await freeUri(dir, base, TEST_FILE_SUFFIX);
  const subjectKind = kind === 'payload' ? 'filter' : subject.path.endsWith('.rule.json') ? 'rule' : 'condition';
  const subjectPath = path.posix.relative(dir.path, subject.path);
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(
    target,
    new TextEncoder().encode(newTestFileText({ kind: subjectKind, path: subjectPath }, recordedCase(target))),
  );
  return target;
}

/** For an input seen with no subject (an inbox entry): the rule or condition file the new test is of. */
async function pickSubject(kind: 'event' | 'payload'): Promise<vscode.Uri | undefined> {
  const glob = kind === 'payload' ? '**/*.xpathfilter' : '**/*.{rule,condition}.json';
  const files = await vscode.workspace.findFiles(glob, EXCLUDED, MAX_LISTED);
  if (!files.length) {
    throw new UserError(
      kind === 'payload'
        ? vscode.l10n.t('A new test file tests a filter, and the workspace has no *.xpathfilter file.')
        : vscode.l10n.t(
            'A new test file tests a rule or a condition, and the workspace has no *.rule.json or *.condition.json file.',
          ),
      vscode.l10n.t('Save the rule (Open as Rule Document, then Save As) or write the condition first.'),
    );
  }
  const picked = await prompts.pick(
    files.sort((a, b) => a.path.localeCompare(b.path)).map((uri) => ({ label: relative(uri), uri })),
    {
      title: vscode.l10n.t('Add to Test'),
      placeHolder:
        kind === 'payload'
          ? vscode.l10n.t('The filter the new test file tests')
          : vscode.l10n.t('The rule or condition the new test file tests'),
    },
  );
  return picked?.uri;
}

async function showCase(uri: vscode.Uri, name: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().lastIndexOf(`"name": ${JSON.stringify(name)}`);
  const at = document.positionAt(Math.max(0, offset));
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), preview: false });
}

function uniqueName(suggested: string, taken: ReadonlySet<string>): string {
  let name = suggested.trim() || 'case';
  for (let n = 2; taken.has(name); n++) {
    name = `${suggested} (${n})`;
  }
  return name;
}

function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}
