import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { Finding, Severity } from '../core/text/findings';
import { toRange } from './textRange';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

// Long enough to skip the states between keystrokes, short enough to feel immediate.
const DEBOUNCE_MS = 150;

export interface FindingSource {
  readonly languageId: string;
  /** Shown beside each problem, such as "OCI condition". */
  readonly label: string;
  findings(document: vscode.TextDocument): readonly Finding[];
  /** Fires when something the findings depend on, other than the text, changed. */
  readonly onDidChange?: vscode.Event<void>;
}

/** A language's findings as diagnostics, updated as the user types. */
export class FindingDiagnostics extends Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly source: FindingSource) {
    super();
    this.collection = this._register(vscode.languages.createDiagnosticCollection(source.languageId));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.update(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        clearTimeout(this.timers.get(d.uri.toString()));
        this.collection.delete(d.uri);
      }),
    );
    if (source.onDidChange) {
      this._register(source.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => this.update(d))));
    }
    this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    vscode.workspace.textDocuments.forEach((d) => this.update(d));
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(document);
      }, DEBOUNCE_MS),
    );
  }

  private update(document: vscode.TextDocument): void {
    if (document.languageId !== this.source.languageId || document.isClosed) {
      return;
    }
    this.collection.set(
      document.uri,
      this.source.findings(document).map((f) => {
        const diagnostic = new vscode.Diagnostic(
          toRange(document, f.offset, f.length),
          f.message,
          SEVERITY[f.severity],
        );
        diagnostic.source = this.source.label;
        diagnostic.code = f.code;
        return diagnostic;
      }),
    );
  }
}
