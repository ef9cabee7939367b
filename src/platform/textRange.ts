import * as vscode from 'vscode';

/** The editor range of an offset and length, the unit every pure analysis speaks. */
export function toRange(document: vscode.TextDocument, offset: number, length: number): vscode.Range {
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
}
