import * as vscode from 'vscode';

/** The quoted OCI event type under the cursor of a condition or rule document. */
export function eventTypeAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  const range = editor?.document.getWordRangeAtPosition(editor.selection.active, /"[^"\n]*"/);
  const text = range ? editor!.document.getText(range).slice(1, -1) : undefined;
  return text?.startsWith('com.oraclecloud.') ? text : undefined;
}
