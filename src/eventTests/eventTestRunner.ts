import * as vscode from 'vscode';
import { CoverageItem, mergeCoverageItems } from '../core/eventTests/coverage';
import { expectText, outcomeLines } from '../core/eventTests/outcomeLines';
import { CaseOutcome } from '../core/eventTests/runEventCases';
import { runTestFile, TestFileRun } from '../core/eventTests/runTestFile';
import type { Span } from '../core/eventTests/testFile';
import { describeError } from '../core/errors/userError';
import type { XPathCoreLoader } from '../platform/bundles';
import { textRanges } from '../platform/textRange';
import { workspaceText } from '../platform/workspaceText';
import type { TenancyModel } from '../tenancy';
import { emulatorRule } from './emulatorRules';
import { EventTestTree } from './eventTestTree';

/** Run: against the matcher and the XPath engine; coverage: the same, with clause coverage; emulator: a rule's events through the emulator. */
export type RunMode = 'run' | 'coverage' | 'emulator';

/** What the last run said of a case, as the Testing view shows it. */
export interface EventTestResult {
  readonly status: CaseOutcome['status'];
  readonly message?: string;
  readonly location?: vscode.Location;
}

/**
 * Runs the cases the Testing view asks for, a file at a time: each case passes, fails with a
 * message at the clause that decided it (expected and actual side by side), or errors with why
 * it could not run; a coverage run adds each subject's clauses covered.
 */
export class EventTestRunner {
  private readonly details = new WeakMap<vscode.FileCoverage, vscode.FileCoverageDetail[]>();
  private readonly results = new Map<string, EventTestResult>();
  private readonly coverage = new Map<string, readonly CoverageItem[]>();

  constructor(
    private readonly controller: vscode.TestController,
    private readonly tree: EventTestTree,
    private readonly xpath: XPathCoreLoader,
    private readonly tenancy: TenancyModel,
  ) {}

  /** The last run's result of each case, by its id. */
  get lastResults(): ReadonlyMap<string, EventTestResult> {
    return this.results;
  }

  /** The last coverage run's items, by the subject file's URI. */
  get lastCoverage(): ReadonlyMap<string, readonly CoverageItem[]> {
    return this.coverage;
  }

  detailsOf(coverage: vscode.FileCoverage): vscode.FileCoverageDetail[] {
    return this.details.get(coverage) ?? [];
  }

  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken, mode: RunMode): Promise<void> {
    // Run All looks again for test files: a file watcher may have missed one.
    await (request.include ? this.tree.discover() : this.tree.rediscover());
    const run = this.controller.createTestRun(request);
    this.results.clear();
    this.coverage.clear();
    const subjects = new Map<string, { uri: vscode.Uri; text: string; lists: (readonly CoverageItem[])[] }>();
    try {
      for (const [, cases] of this.byFile(request)) {
        if (token.isCancellationRequested) {
          cases.forEach((item) => run.skipped(item));
          continue;
        }
        cases.forEach((item) => run.started(item));
        const file = await this.runFile(cases[0].uri!, mode);
        if (file.skipped) {
          cases.forEach((item) => run.skipped(item));
          run.appendOutput(`${file.name}: ${file.skipped}\r\n`);
          continue;
        }
        this.report(run, cases, file);
        const covered = file.run?.coverage;
        if (covered) {
          const { uri, text } = placeOf(file, covered.path);
          const known = subjects.get(uri.toString()) ?? { uri, text, lists: [] };
          known.lists.push(covered.items);
          subjects.set(uri.toString(), known);
        }
      }
      for (const [key, { uri, text, lists }] of subjects) {
        const items = mergeCoverageItems(lists);
        this.coverage.set(key, items);
        const range = textRanges(text);
        const details = items.map((item) => new vscode.StatementCoverage(item.covered ? 1 : 0, range(item)));
        const fileCoverage = vscode.FileCoverage.fromDetails(uri, details);
        this.details.set(fileCoverage, details);
        run.addCoverage(fileCoverage);
      }
    } finally {
      run.end();
    }
  }

  /** The cases a request names, grouped by test file, without those it excludes. */
  private byFile(request: vscode.TestRunRequest): Map<string, vscode.TestItem[]> {
    const excluded = new Set((request.exclude ?? []).map((item) => item.id));
    const files = new Map<string, vscode.TestItem[]>();
    const visit = (item: vscode.TestItem) => {
      if (excluded.has(item.id)) {
        return;
      }
      if (item.children.size === 0 && item.id.includes('#')) {
        const key = item.uri!.toString();
        const cases = files.get(key) ?? [];
        cases.push(item);
        files.set(key, cases);
      }
      item.children.forEach(visit);
    };
    (request.include ?? this.tree.roots()).forEach(visit);
    return files;
  }

  private async runFile(uri: vscode.Uri, mode: RunMode): Promise<FileResult> {
    const name = vscode.workspace.asRelativePath(uri);
    let text: string;
    try {
      text = await workspaceText(uri, name);
    } catch (err) {
      return { name, uri, text: '', error: describeError(err).cause };
    }
    const folder = vscode.Uri.joinPath(uri, '..');
    const run = await runTestFile(
      text,
      (relative) => workspaceText(vscode.Uri.joinPath(folder, relative), relative),
      () => Promise.resolve(this.xpath().compileFilter),
      mode === 'emulator' ? { emulator: (id) => emulatorRule(this.tenancy, id) } : { coverage: mode === 'coverage' },
    );
    if (mode === 'emulator' && run.blocked === undefined && run.parsed.subject?.kind !== 'rule') {
      return {
        name,
        uri,
        text,
        skipped: vscode.l10n.t(
          'Run in Emulator runs the tests of deployed rules; this file tests a condition or a filter, which Run runs.',
        ),
      };
    }
    return { name, uri, text, run };
  }

  private report(run: vscode.TestRun, cases: readonly vscode.TestItem[], file: FileResult): void {
    const byName = new Map(cases.map((item) => [item.label, item]));
    // Each file's line index is built once, however many of its places the run reports.
    const indexes = new Map<string, (span: Span) => vscode.Range>();
    const at = (span: Span, relative?: string) => {
      const { uri, text } = placeOf(file, relative);
      let range = indexes.get(uri.toString());
      if (!range) {
        range = textRanges(text);
        indexes.set(uri.toString(), range);
      }
      return new vscode.Location(uri, range(span));
    };
    const record = (item: vscode.TestItem, result: EventTestResult) => this.results.set(item.id, result);
    if (file.error !== undefined || file.run?.blocked !== undefined) {
      const message = file.error ?? vscode.l10n.t('The test file cannot run: {0}', file.run!.blocked!);
      for (const item of cases) {
        run.errored(
          item,
          located(new vscode.TestMessage(message), item.uri && item.range && new vscode.Location(item.uri, item.range)),
        );
        record(item, { status: 'errored', message });
      }
      return;
    }
    const result = file.run!;
    const runProblems: { span: Span; message: string }[] = [];
    for (const invalid of result.parsed.invalid) {
      const item = byName.get(invalid.name);
      if (item) {
        const location = at(invalid.span);
        run.errored(item, located(new vscode.TestMessage(invalid.message), location));
        record(item, { status: 'errored', message: invalid.message, location });
      }
    }
    const subject = result.parsed.subject;
    for (const outcome of result.outcomes) {
      const item = byName.get(outcome.name);
      if (!item) {
        continue;
      }
      run.appendOutput(outcomeLines(file.name, outcome).join('\r\n') + '\r\n', undefined, item);
      if (outcome.status === 'passed') {
        run.passed(item);
        record(item, { status: 'passed' });
        continue;
      }
      if (outcome.status === 'errored') {
        const location = at(outcome.span);
        run.errored(item, located(new vscode.TestMessage(outcome.message ?? ''), location));
        record(item, { status: 'errored', message: outcome.message, location });
        runProblems.push({ span: outcome.span, message: `${outcome.name}: ${outcome.message ?? ''}` });
        continue;
      }
      const location = outcome.decidedAt
        ? at(outcome.decidedAt, subject && 'path' in subject ? subject.path : undefined)
        : at(outcome.span);
      const text = [outcome.message ?? '', ...(outcome.trace ?? [])].join('\n');
      const message = vscode.TestMessage.diff(text, expectText(outcome.expected), expectText(outcome.actual));
      run.failed(item, located(message, location));
      record(item, { status: 'failed', message: text, location });
    }
    this.tree.setRunProblems(file.uri, runProblems, file.text);
  }
}

interface FileResult {
  /** The test file as the run names it: relative to the workspace. */
  readonly name: string;
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly run?: TestFileRun;
  /** Why the test file itself could not be read. */
  readonly error?: string;
  /** Why the run mode does not apply to this file: its cases are skipped. */
  readonly skipped?: string;
}

/** The test file itself, or a file it names by `relative`, with the text the run read of it. */
function placeOf(file: FileResult, relative: string | undefined): { uri: vscode.Uri; text: string } {
  return relative === undefined
    ? { uri: file.uri, text: file.text }
    : { uri: vscode.Uri.joinPath(file.uri, '..', relative), text: file.run?.inputs.get(relative) ?? '' };
}

function located(message: vscode.TestMessage, location: vscode.Location | undefined): vscode.TestMessage {
  message.location = location;
  return message;
}
