import * as vscode from 'vscode';
import { Disposable } from '../../base/disposable';
import { Severity } from '../../core/condition/findings';
import { CONDITION_LANGUAGE, ConditionAnalyses, toRange } from './conditionAnalyses';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

// Long enough to skip the states between keystrokes, short enough to feel immediate.
const DEBOUNCE_MS = 150;

export class ConditionDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection(CONDITION_LANGUAGE));
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly analyses: ConditionAnalyses) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.update(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        clearTimeout(this.timers.get(d.uri.toString()));
        this.collection.delete(d.uri);
      }),
    );
    this._register(analyses.catalogue.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => this.update(d))));
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
    if (document.languageId !== CONDITION_LANGUAGE || document.isClosed) {
      return;
    }
    this.collection.set(
      document.uri,
      this.analyses.get(document).findings.map((f) => {
        const diagnostic = new vscode.Diagnostic(
          toRange(document, f.offset, f.length),
          f.message,
          SEVERITY[f.severity],
        );
        diagnostic.source = 'OCI condition';
        diagnostic.code = f.code;
        return diagnostic;
      }),
    );
  }
}
