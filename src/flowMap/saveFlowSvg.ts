import * as vscode from 'vscode';

/** Asks where to save the map's SVG (beside the workspace by default) and writes it; undefined when the user cancels. */
export async function saveFlowSvg(mapName: string, svg: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `event-flow-${mapName.replace(/[^\w.-]+/g, '-')}.svg`;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the Event Flow Map as SVG'),
    saveLabel: vscode.l10n.t('Save SVG'),
    filters: { [vscode.l10n.t('SVG image')]: ['svg'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
  });
  if (!target) {
    return undefined;
  }
  // The save dialog has already asked before replacing a file of that name.
  await vscode.workspace.fs.writeFile(
    target,
    new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`),
  );
  return target;
}
