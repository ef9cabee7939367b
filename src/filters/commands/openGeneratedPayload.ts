import * as vscode from 'vscode';
import { text } from '../../core/commands/commandArgs';
import { filtersCommand } from '../filtersContext';

/** Shows a generated sample payload in an untitled XML editor, to read or save as a sample. */
export const openGeneratedPayload = filtersCommand({
  id: 'oew.xpath.openGeneratedPayload',
  args: [text],
  run: async (_ctx, xml: string) => {
    const document = await vscode.workspace.openTextDocument({ language: 'xml', content: xml });
    await vscode.window.showTextDocument(document, { preview: true });
  },
});
