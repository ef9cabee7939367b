import * as vscode from 'vscode';

/** Whether a file or folder is there, through VS Code's file system (so remote and virtual ones too). */
export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `<base><suffix>` in `dir`, or `<base>-2<suffix>` and on when the name is taken: a new file never lands on another. */
export async function freeUri(dir: vscode.Uri, base: string, suffix: string): Promise<vscode.Uri> {
  let target = vscode.Uri.joinPath(dir, `${base}${suffix}`);
  for (let n = 2; await uriExists(target); n++) {
    target = vscode.Uri.joinPath(dir, `${base}-${n}${suffix}`);
  }
  return target;
}
