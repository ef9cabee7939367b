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
        `Profile ${target.profile.profile.name} calls Oracle Cloud, where events cannot be emitted.`,
        'Test Against Emulator works on rules of the emulator’s profiles (Start Local Emulator, or `oew emulator`).',
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
        `Rule ${rule.displayName} has no event to emit. ${generated.impossible ?? ''}`.trim(),
        'Fix its condition, then test it again.',
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
    const lines = matched.map((m) => `${m.rule} → ${m.topics.length ? m.topics.join(', ') : 'no topic'}`);
    void vscode.window.showInformationMessage(
      `${String(sample.event.eventType)} in ${rule.displayName}'s compartment: ${self ? 'it matched' : 'it did NOT match'}. ${
        matched.length ? `Rules matched: ${lines.join('; ')}.` : 'No rule matched.'
      }`,
    );
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
      'There is no deployed rule to test.',
      'Open a rule from the Tenancy view, or run this on a rule row.',
    );
  }
  return { profile, ruleId: parsed.ruleId };
}
