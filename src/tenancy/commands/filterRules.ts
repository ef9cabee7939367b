import * as vscode from 'vscode';
import { RuleFilter } from '../resourceLists';
import { prompts } from '../../platform/prompts';
import { tenancyCommand } from '../tenancyContext';

/**
 * Filters the Rules lists by display name: on the service (an exact name, found on any page)
 * or over the rules already loaded (part of a name). The view's description shows the filter.
 */
export const filterRules = tenancyCommand({
  id: 'oew.tenancy.filterRules',
  args: [],
  run: async (ctx) => {
    const current = ctx.tenancy.resources.ruleFilter;
    const modes: (vscode.QuickPickItem & { mode: RuleFilter['mode'] })[] = [
      { mode: 'contains', label: 'Name contains…', detail: 'Narrows the rules already loaded, as you type.' },
      { mode: 'exact', label: 'Name is exactly…', detail: 'Asks OCI for rules of that name, on every page.' },
    ];
    const picked = await prompts.pick(modes, { title: 'Filter Rules', placeHolder: 'How to match' });
    if (!picked) {
      return;
    }
    const text = await prompts.input({
      title: 'Filter Rules',
      prompt: picked.mode === 'exact' ? 'The rule’s display name, exactly' : 'Part of the rule’s display name',
      value: current?.text,
    });
    if (text !== undefined) {
      ctx.tenancy.resources.setRuleFilter({ text: text.trim(), mode: picked.mode });
    }
  },
});

export const clearRuleFilter = tenancyCommand({
  id: 'oew.tenancy.clearRuleFilter',
  args: [],
  run: (ctx) => ctx.tenancy.resources.setRuleFilter(undefined),
});
