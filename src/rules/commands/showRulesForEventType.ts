import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { rulesForEventType } from '../../core/rules/rulesForEventType';
import { EventTypeNode, RuleNode } from '../../core/tenancy/resourceNodes';
import { ProfileNode } from '../../tenancy/tenancyModel';
import { Command } from '../../platform/commandTable';

/**
 * The loaded rules an event type concerns (they name it, or match its events without naming
 * it), from an event type row of the Tenancy view or the event type under the cursor; picking
 * one reveals it in the tree.
 */
export const showRulesForEventType: Command = {
  id: 'oew.rules.showForEventType',
  run: async (ctx, node?: EventTypeNode, options: { show?: boolean } = {}) => {
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
    if (options.show === false) {
      return found.map((f) => ({ rule: f.rule.rule.displayName, how: f.how }));
    }
    if (!found.length) {
      void vscode.window.showInformationMessage(
        `None of the ${loaded.length} rules loaded in the Tenancy view concerns ${eventType}. Open the Rules of more compartments to look further.`,
      );
      return [];
    }
    const picked = await vscode.window.showQuickPick(
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
};

/** The quoted OCI event type under the cursor of a condition or rule document. */
export function eventTypeAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  const range = editor?.document.getWordRangeAtPosition(editor.selection.active, /"[^"\n]*"/);
  const text = range ? editor!.document.getText(range).slice(1, -1) : undefined;
  return text?.startsWith('com.oraclecloud.') ? text : undefined;
}
