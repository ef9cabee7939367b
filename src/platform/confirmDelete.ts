import * as vscode from 'vscode';

/** A modal that names what goes; true only when the user chose Delete. */
export async function confirmDelete(message: string, detail: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Delete');
  return choice === 'Delete';
}
