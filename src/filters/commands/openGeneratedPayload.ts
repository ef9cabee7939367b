import * as vscode from 'vscode';
import { Command } from '../../platform/commandTable';

/** Shows a generated sample payload in an untitled XML editor, to read or save as a sample. */
export const openGeneratedPayload: Command = {
  id: 'oew.xpath.openGeneratedPayload',
  run: async (_ctx, xml: string) => {
    const document = await vscode.workspace.openTextDocument({ language: 'xml', content: xml });
    await vscode.window.showTextDocument(document, { preview: true });
  },
};
