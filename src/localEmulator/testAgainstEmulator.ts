import * as vscode from 'vscode';
import { samplesForCondition } from '../core/condition/sampleEvents';
import { UserError } from '../core/errors/userError';
import { isJsonObject } from '../core/json/isJsonObject';
import { parseRuleUri, RULE_SCHEME } from '../rules';
import { callsLocalEndpoint, ProfileNode } from '../core/tenancy/profileNodes';
import { RuleNode } from '../core/tenancy/resourceNodes';
import { emitNamedEmulatorEvent } from '../core/tenancy/emulatorEvents';
import { uriArg } from '../platform/uriArg';
import { ruleRow } from '../core/tenancy/tenancyArgs';
import { either, optional } from '../core/commands/commandArgs';
import { LocalEmulatorContext, localEmulatorCommand } from './localEmulatorContext';

/**
 * Emits an event built to match the rule's condition, in the rule's compartment, into the
 * emulator, which runs every rule of its tenancy as OCI would and delivers to their topics; then
 * says which rules matched and which topics each notified. For the emulator's profiles only.
 */
export const testAgainstEmulator = localEmulatorCommand({
  id: 'oew.rules.testAgainstEmulator',
  args: [optional(either(ruleRow, uriArg))],
  run: async (ctx, node?: RuleNode | vscode.Uri) => {
    const target = ruleTarget(ctx, node);
    if (!callsLocalEndpoint(target.profile) || !target.profile.endpoint) {
      throw new UserError(
        vscode.l10n.t('Profile {0} calls Oracle Cloud, where events cannot be emitted.', target.profile.profile.name),
        vscode.l10n.t(
          'Test Against Emulator works on rules of the emulator’s profiles (Start Local Emulator, or `oew emulator`).',
        ),
      );
    }
    const clients = await ctx.tenancy.clientsFor(target.profile);
    const { rule } = await clients.getRule(target.ruleId);
    const condition: unknown = JSON.parse(rule.condition);
    const generated = samplesForCondition(condition, ctx.conditions.catalogue.current, 1);
    const [sample] = generated.samples;
    // Without a sample, `impossible` says why.
    if (!sample || !isJsonObject(sample.event)) {
      throw new UserError(
        vscode.l10n.t('Rule {0} has no event to emit. {1}', rule.displayName, generated.impossible ?? '').trim(),
        vscode.l10n.t('Fix its condition, then test it again.'),
      );
    }
    // The event happens in the rule's compartment, which the rule sees.
    const matchedRules = await emitNamedEmulatorEvent(
      clients,
      target.profile.endpoint,
      sample.event,
      rule.compartmentId,
    );
    const matched = matchedRules.map((m) => ({ rule: m.displayName, topics: m.topics }));
    const self = matched.some((m) => m.rule === rule.displayName);
    const lines = matched.map((m) =>
      m.topics.length
        ? vscode.l10n.t('{0} → {1}', m.rule, m.topics.join(', '))
        : vscode.l10n.t('{0} → no topic', m.rule),
    );
    const eventType = String(sample.event.eventType);
    const outcome = self
      ? vscode.l10n.t("{0} in {1}'s compartment: it matched.", eventType, rule.displayName)
      : vscode.l10n.t("{0} in {1}'s compartment: it did NOT match.", eventType, rule.displayName);
    const rules = matched.length
      ? vscode.l10n.t('Rules matched: {0}.', lines.join('; '))
      : vscode.l10n.t('No rule matched.');
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} {1}', outcome, rules));
    return { eventType: sample.event.eventType, matched };
  },
});

function ruleTarget(
  ctx: LocalEmulatorContext,
  node: RuleNode | vscode.Uri | undefined,
): { profile: ProfileNode; ruleId: string } {
  if (node && !(node instanceof vscode.Uri)) {
    return { profile: node.profile, ruleId: node.rule.id };
  }
  const uri = node ?? vscode.window.activeTextEditor?.document.uri;
  const parsed = uri?.scheme === RULE_SCHEME ? parseRuleUri(uri) : undefined;
  const profile = parsed ? ctx.tenancy.profileNamed(parsed.profile) : undefined;
  if (!parsed || !profile) {
    throw new UserError(
      vscode.l10n.t('There is no deployed rule to test.'),
      vscode.l10n.t('Open a rule from the Tenancy view, or run this on a rule row.'),
    );
  }
  return { profile, ruleId: parsed.ruleId };
}
