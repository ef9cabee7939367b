import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { rulesForEventType } from '../../core/rules/rulesForEventType';
import { EventTypeNode, RuleNode } from '../../core/tenancy/resourceNodes';
import { ProfileNode } from '../../core/tenancy/profileNodes';
import { prompts } from '../../platform/prompts';
import { eventTypeRow } from '../../core/tenancy/tenancyArgs';
import { optional } from '../../core/commands/commandArgs';
import { rulesCommand } from '../rulesContext';
import { eventTypeAtCursor } from '../../platform/eventTypeAtCursor';

/**
 * The loaded rules an event type concerns (they name it, or match its events without naming
 * it), from an event type row of the Tenancy view or the event type under the cursor; picking
 * one reveals it in the tree.
 */
export const showRulesForEventType = rulesCommand({
  id: 'oew.rules.showForEventType',
  args: [optional(eventTypeRow)],
  run: async (ctx, node?: EventTypeNode) => {
    const eventType = node?.eventType ?? eventTypeAtCursor();
    if (!eventType) {
      throw new UserError(
        'There is no event type here.',
        'Put the cursor on an event type in a condition, or run this from an event type in the Tenancy view.',
      );
    }
    const profiles = node
      ? [node.parent.profile]
      : ctx.tenancy.roots().filter((n): n is ProfileNode => n.kind === 'profile');
    const loaded = profiles.flatMap((p) => ctx.tenancy.resources.loadedRules(p));
    const found = rulesForEventType(
      loaded.map((r) => ({ rule: r, condition: r.rule.condition })),
      eventType,
      ctx.conditions.catalogue.current,
    );
    if (!found.length) {
      void vscode.window.showInformationMessage(
        `None of the ${loaded.length} rules loaded in the Tenancy view concerns ${eventType}. Open the Rules of more compartments to look further.`,
      );
      return [];
    }
    const picked = await prompts.pick(
      found.map(({ rule, how }) => ({
        label: rule.rule.displayName,
        description: how === 'names' ? 'names it' : 'matches its events without naming it',
        detail: `${rule.profile.profile.name} · ${rule.rule.isEnabled ? 'enabled' : 'disabled'} · ${rule.rule.id}`,
        rule,
      })),
      { title: `Rules for ${eventType}`, placeHolder: `Among the ${loaded.length} rules loaded in the Tenancy view` },
    );
    if (picked) {
      await ctx.revealInTenancy(picked.rule satisfies RuleNode);
    }
    return found.map((f) => ({ rule: f.rule.rule.displayName, how: f.how }));
  },
});
