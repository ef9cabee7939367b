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
        vscode.l10n.t('There is no event type here.'),
        vscode.l10n.t(
          'Put the cursor on an event type in a condition, or run this from an event type in the Tenancy view.',
        ),
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
        vscode.l10n.t(
          'None of the {0} rules loaded in the Tenancy view concerns {1}. Open the Rules of more compartments to look further.',
          loaded.length,
          eventType,
        ),
      );
      return [];
    }
    const picked = await prompts.pick(
      found.map(({ rule, how }) => ({
        label: rule.rule.displayName,
        description:
          how === 'names' ? vscode.l10n.t('names it') : vscode.l10n.t('matches its events without naming it'),
        detail: rule.rule.isEnabled
          ? vscode.l10n.t('{0} · enabled · {1}', rule.profile.profile.name, rule.rule.id)
          : vscode.l10n.t('{0} · disabled · {1}', rule.profile.profile.name, rule.rule.id),
        rule,
      })),
      {
        title: vscode.l10n.t('Rules for {0}', eventType),
        placeHolder: vscode.l10n.t('Among the {0} rules loaded in the Tenancy view', loaded.length),
      },
    );
    if (picked) {
      await ctx.revealInTenancy(picked.rule satisfies RuleNode);
    }
    return found.map((f) => ({ rule: f.rule.rule.displayName, how: f.how }));
  },
});
