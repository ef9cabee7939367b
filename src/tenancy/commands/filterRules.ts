import * as vscode from 'vscode';
import { RuleFilter, RuleFilterChoice, ruleFilterChoices } from '../../core/tenancy/ruleFilterChoices';
import { prompts } from '../../platform/prompts';
import { tenancyCommand } from '../tenancyContext';

function filterTitle(): string {
  return vscode.l10n.t('Filter Rules');
}

function filterPlaceholder(): string {
  return vscode.l10n.t('Type part of a rule’s name');
}

/**
 * Filters the Rules lists by display name, in one picker: what is typed narrows the rules
 * already loaded at once; Enter keeps that, or "Name is exactly" asks OCI for the name on
 * every page. Escape puts the filter back as it was. The view's description shows the filter.
 */
export const filterRules = tenancyCommand({
  id: 'oew.tenancy.filterRules',
  args: [],
  run: async (ctx) => {
    const resources = ctx.tenancy.resources;
    const before = resources.ruleFilter;
    // A test answers with the label of the item it would choose, such as 'Name is exactly "x"'.
    const scripted = prompts.take({ kind: 'pick', text: `${filterTitle()} · ${filterPlaceholder()}` });
    const chosen = scripted ? scriptedChoice(scripted.answer, before) : await pickLive(before, resources);
    resources.setRuleFilter(chosen === 'cancelled' ? before : chosen.filter);
  },
});

async function pickLive(
  before: RuleFilter | undefined,
  resources: { setRuleFilter(filter: RuleFilter | undefined): void },
): Promise<RuleFilterChoice | 'cancelled'> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { choice: RuleFilterChoice }>();
  pick.title = filterTitle();
  pick.placeholder = filterPlaceholder();
  pick.value = before?.text ?? '';
  const show = () => {
    pick.items = ruleFilterChoices(pick.value, before).map((choice) => ({
      label: choice.label,
      detail: choice.detail,
      alwaysShow: true,
      choice,
    }));
  };
  show();
  return new Promise((resolve) => {
    pick.onDidChangeValue(() => {
      show();
      // The loaded rules narrow as the user types; an exact name waits for Enter, as it asks OCI.
      const text = pick.value.trim();
      resources.setRuleFilter(text ? { text, mode: 'contains' } : undefined);
    });
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      resolve(item?.choice ?? 'cancelled');
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve('cancelled');
      pick.dispose();
    });
    pick.show();
  });
}

function scriptedChoice(answer: string | undefined, before: RuleFilter | undefined): RuleFilterChoice | 'cancelled' {
  if (answer === undefined) {
    return 'cancelled';
  }
  const typed = /^Name (?:contains|is exactly) "(.*)"$/.exec(answer)?.[1] ?? '';
  const choice = ruleFilterChoices(typed, before).find((c) => c.label === answer);
  if (!choice) {
    throw new Error(`No item "${answer}" in Filter Rules`);
  }
  return choice;
}

export const clearRuleFilter = tenancyCommand({
  id: 'oew.tenancy.clearRuleFilter',
  args: [],
  run: (ctx) => ctx.tenancy.resources.setRuleFilter(undefined),
});
