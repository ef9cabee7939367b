import * as vscode from 'vscode';
import { Finding } from '../core/text/findings';
import { toRange } from './textRange';

/** Every fix of every finding that touches the range, as a quick fix; the first one is preferred. */
export class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly findings: (document: vscode.TextDocument) => readonly Finding[]) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    return this.findings(document).flatMap((f) => {
      const findingRange = toRange(document, f.offset, f.length);
      if (!findingRange.intersection(range)) {
        return [];
      }
      return f.fixes.map((fix, index) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) {
          action.edit.replace(document.uri, toRange(document, e.offset, e.length), e.newText);
        }
        action.isPreferred = index === 0;
        action.diagnostics = vscode.languages
          .getDiagnostics(document.uri)
          .filter((d) => d.code === f.code && d.range.isEqual(findingRange));
        return action;
      });
    });
  }
}
