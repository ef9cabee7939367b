import * as vscode from 'vscode';
import { completeCondition } from '../core/condition/completion';
import { toRange } from '../platform/textRange';
import { ConditionAnalyses } from './conditionAnalyses';

const KINDS = {
  field: vscode.CompletionItemKind.Field,
  eventType: vscode.CompletionItemKind.EnumMember,
  value: vscode.CompletionItemKind.Value,
} as const;

export class ConditionCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['"', '.'];

  constructor(private readonly analyses: ConditionAnalyses) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const region = this.analyses.region(document);
    const offset = document.offsetAt(position) - (region?.base ?? 0);
    if (!region || offset < 0 || offset > region.text.length) {
      return [];
    }
    const { text, analysis, base } = region;
    return completeCondition(text, offset, analysis.root, this.analyses.catalogue.current).map((c) => {
      const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KINDS[c.kind]);
      item.insertText = c.insertText;
      item.range = toRange(document, c.offset + base, c.length);
      // Filter on the quoted text the user types, so `"com.oraclecloud.obj` narrows the list.
      item.filterText = c.insertText;
      item.documentation = c.documentation;
      return item;
    });
  }
}
