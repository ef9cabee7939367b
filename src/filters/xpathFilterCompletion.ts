import * as vscode from 'vscode';
import { toRange } from '../platform/textRange';
import { XPathFilterAnalyses } from './xpathFilterAnalyses';

const KINDS = {
  prefix: vscode.CompletionItemKind.Module,
  element: vscode.CompletionItemKind.Field,
  attribute: vscode.CompletionItemKind.Property,
  function: vscode.CompletionItemKind.Function,
  variable: vscode.CompletionItemKind.Variable,
} as const;

export class XPathFilterCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['/', ':', '$', '@'];

  constructor(private readonly analyses: XPathFilterAnalyses) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const analysis = this.analyses.get(document);
    return this.analyses
      .core()
      .completeFilter(analysis, document.offsetAt(position))
      .map((c) => {
        const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KINDS[c.kind]);
        item.insertText = c.insertText;
        item.range = toRange(document, c.offset, c.length);
        if (c.retrigger) {
          item.command = { title: vscode.l10n.t('Suggest'), command: 'editor.action.triggerSuggest' };
        }
        return item;
      });
  }
}
