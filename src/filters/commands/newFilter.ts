import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import type { FusionEvent } from '../../core/xpath';
import { XPATH_FILTER_LANGUAGE } from '../xpathFilterAnalyses';
import { prompts } from '../../platform/prompts';
import { either, optional, shaped, text } from '../../core/commands/commandArgs';
import { filtersCommand } from '../filtersContext';

const FILTERS = '.oew/filters';

/**
 * Writes a filter for an event picked from the catalog, with its namespaces declared and an
 * example expression, into .oew/filters/ (an untitled editor without a workspace), and
 * selects the expression. `eventRef` (an event from a Fusion connection's catalog, or a QName, id
 * or local name of the reference catalog) skips the picker.
 */
export const newFilter = filtersCommand({
  id: 'oew.xpath.newFilter',
  args: [
    optional(
      either(
        text,
        shaped<FusionEvent>('a Fusion event', (v) => typeof v.name === 'string'),
      ),
    ),
  ],
  run: async (ctx, eventRef?: string | FusionEvent) => {
    const core = ctx.filters.core();
    const catalog = core.referenceCatalog();
    const event =
      typeof eventRef === 'object' ? eventRef : eventRef ? core.findEvent(catalog, eventRef) : await pickEvent(catalog);
    if (typeof eventRef === 'string' && !event) {
      throw new UserError(
        vscode.l10n.t('{0} is not in the Fusion event catalog.', eventRef),
        vscode.l10n.t('Run the command again and pick the event.'),
      );
    }
    if (!event) {
      return undefined;
    }
    const { text, expressionOffset } = core.newFilterText(event);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    let document: vscode.TextDocument;
    if (root) {
      const file = await freeName(vscode.Uri.joinPath(root, FILTERS), core.parseQName(event.name)?.local ?? event.id);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
      document = await vscode.workspace.openTextDocument(file);
    } else {
      document = await vscode.workspace.openTextDocument({ language: XPATH_FILTER_LANGUAGE, content: text });
    }
    const editor = await vscode.window.showTextDocument(document);
    const end = text.indexOf('\n</xpathExpr>', expressionOffset);
    editor.selection = new vscode.Selection(document.positionAt(expressionOffset), document.positionAt(end));
    return document.uri.toString();
  },
});

async function pickEvent(catalog: readonly FusionEvent[]): Promise<FusionEvent | undefined> {
  const picked = await prompts.pick(
    catalog.map((event) => ({
      label: event.displayName,
      description: [event.module, event.defaultEnabled === false ? vscode.l10n.t('ships disabled') : undefined]
        .filter(Boolean)
        .join(' · '),
      detail: event.name,
      event,
    })),
    {
      title: vscode.l10n.t('New Filter for Event'),
      placeHolder: vscode.l10n.t('Fusion business event'),
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  return picked?.event;
}

/** NAME.xpathfilter in the folder, or NAME-2, NAME-3… when it is taken: an existing file is never overwritten. */
async function freeName(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const file = vscode.Uri.joinPath(folder, `${name}${n === 1 ? '' : `-${n}`}.xpathfilter`);
    try {
      await vscode.workspace.fs.stat(file);
    } catch {
      return file;
    }
  }
}
