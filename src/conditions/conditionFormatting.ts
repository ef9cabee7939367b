import * as vscode from 'vscode';
import { formatCondition } from '../core/condition/formatCondition';
import { toRange } from '../platform/textRange';

export class ConditionFormatting implements vscode.DocumentFormattingEditProvider {
  provideDocumentFormattingEdits(document: vscode.TextDocument, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return formatCondition(document.getText(), options).map(
      (e) => new vscode.TextEdit(toRange(document, e.offset, e.length), e.newText),
    );
  }
}
