import * as vscode from 'vscode';
import { prompts } from './prompts';

export interface PickItem {
  readonly label: string;
  readonly description?: string;
  readonly id: string;
}

/**
 * A quick pick over a list fetched a page at a time: the first page shows at once, and a
 * "Load more…" item at the end fetches the next, so a large list is never read whole first.
 */
export async function pickPaged(
  title: string,
  fetchPage: (page: string | undefined) => Promise<{ items: PickItem[]; nextPage?: string }>,
): Promise<PickItem | undefined> {
  const scripted = prompts.take({ kind: 'pick', text: title });
  if (scripted) {
    return scripted.answer === undefined ? undefined : pickScripted(scripted.answer, title, fetchPage);
  }
  const loadMore = vscode.l10n.t('Load more…');
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { id?: string }>();
  quickPick.title = title;
  quickPick.matchOnDescription = true;
  const loaded: PickItem[] = [];
  let nextPage: string | undefined;
  const load = async () => {
    quickPick.busy = true;
    try {
      const page = await fetchPage(nextPage);
      loaded.push(...page.items);
      nextPage = page.nextPage;
      quickPick.items = [
        ...loaded,
        ...(nextPage
          ? [{ label: loadMore, description: vscode.l10n.t('{0} loaded', loaded.length), alwaysShow: true }]
          : []),
      ];
    } finally {
      quickPick.busy = false;
    }
  };
  try {
    const picked = new Promise<PickItem | undefined>((resolve, reject) => {
      quickPick.onDidAccept(() => {
        const [item] = quickPick.selectedItems;
        if (item?.label === loadMore && !item.id) {
          load().catch(reject);
          return;
        }
        resolve(loaded.find((l) => l.id === item?.id));
      });
      quickPick.onDidHide(() => resolve(undefined));
    });
    quickPick.show();
    await load();
    return await picked;
  } finally {
    quickPick.dispose();
  }
}

/** Reads pages until the scripted item's label is among them, as a user clicking "Load more…" would. */
async function pickScripted(
  label: string,
  title: string,
  fetchPage: (page: string | undefined) => Promise<{ items: PickItem[]; nextPage?: string }>,
): Promise<PickItem> {
  let page: string | undefined;
  do {
    const next = await fetchPage(page);
    const item = next.items.find((i) => i.label === label);
    if (item) {
      return item;
    }
    page = next.nextPage;
  } while (page);
  throw new Error(`No item "${label}" in "${title}"`);
}
