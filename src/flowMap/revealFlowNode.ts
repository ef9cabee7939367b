import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { ruleUri } from '../rules/ruleUri';
import type { FlowMapContext } from './flowMapContext';
import type { LoadedFlowMap } from './flowMapData';
import type { TenancyFlowInput } from '../core/flowMap/flowGraph';
import { Place, RowWanted, tenancyRowOf } from './tenancyRowOf';

/**
 * Selects a node's row in the Tenancy or Fusion Events view, loading the lists on the way down
 * from the row the map was opened from (`origin`) when the tree has not loaded it yet.
 */
export async function revealFlowNode(
  ctx: FlowMapContext,
  map: LoadedFlowMap,
  nodeId: string,
  origin: Place | undefined,
): Promise<void> {
  const node = map.graph.nodes.find((n) => n.id === nodeId);
  if (map.fusion) {
    return revealFusionSubscription(ctx, map.fusion.connection.name, nodeId.slice('fusionSubscription:'.length));
  }
  const tenancy = map.tenancy;
  const wanted = node && tenancy && rowWanted(tenancy.input, node.kind, node.ocid);
  if (!node || !wanted) {
    throw new UserError(
      vscode.l10n.t('{0} has no row in the Tenancy view.', node?.label ?? nodeId),
      vscode.l10n.t(
        'Pick a rule, a topic or a subscription; a function or stream opens in the OCI Console by its OCID.',
      ),
    );
  }
  const row =
    (wanted.kind === 'rule' ? ctx.tenancy.resources.loadedRule(tenancy.profile, wanted.id) : undefined) ??
    (wanted.kind === 'topic' ? ctx.tenancy.resources.loadedTopicWithId(tenancy.profile, wanted.id) : undefined) ??
    (origin ? await tenancyRowOf(ctx.tenancy.resources, origin, tenancy.input, wanted) : undefined);
  if (!row && !origin) {
    throw new UserError(
      vscode.l10n.t('{0} is not loaded in the Tenancy view yet, and this map does not know its way there.', node.label),
      vscode.l10n.t(
        'Open its compartment in the Tenancy view, or open the map again from the compartment’s row (Show Event Flow).',
      ),
    );
  }
  if (!row) {
    throw new UserError(
      vscode.l10n.t(
        '{0} could not be found in the Tenancy view: it is in a compartment outside this map, a rule filter hides it, or it is gone.',
        node.label,
      ),
      vscode.l10n.t('Clear the rule filter, or Refresh the map and the view.'),
    );
  }
  await ctx.revealInTenancy(row);
}

/** What to look for in the tree for a node of the map. */
function rowWanted(input: TenancyFlowInput, kind: string, ocid: string | undefined): RowWanted | undefined {
  if (kind === 'rule') {
    const rule = input.rules.find((r) => r.rule.id === ocid)?.rule;
    return rule && { kind: 'rule', id: rule.id, compartmentId: rule.compartmentId };
  }
  if (kind === 'topic') {
    const topic = input.topics.find((t) => t.topicId === ocid);
    return topic && { kind: 'topic', id: topic.topicId, compartmentId: topic.compartmentId };
  }
  const subscription = kind === 'subscription' ? input.subscriptions.find((s) => s.id === ocid) : undefined;
  const topic = subscription && input.topics.find((t) => t.topicId === subscription.topicId);
  return (
    subscription &&
    topic && { kind: 'subscription', id: subscription.id, topicId: topic.topicId, compartmentId: topic.compartmentId }
  );
}

/** Opens a rule of the map as its document, as Edit Rule does. */
export async function openRuleOfNode(ctx: FlowMapContext, map: LoadedFlowMap, nodeId: string): Promise<void> {
  const rule = map.tenancy?.input.rules.find((r) => `rule:${r.rule.id}` === nodeId)?.rule;
  if (!rule || !map.tenancy) {
    throw new UserError(
      vscode.l10n.t('That node is no rule of this map.'),
      vscode.l10n.t('Refresh the map, then pick the rule again.'),
    );
  }
  await ctx.showRule(
    ruleUri({ profile: map.tenancy.profile.profile.name, ruleId: rule.id, displayName: rule.displayName }),
  );
}

async function revealFusionSubscription(ctx: FlowMapContext, connection: string, id: string): Promise<void> {
  const root = ctx.fusion.connections().find((c) => c.connection.name === connection);
  const group =
    root && (await ctx.fusion.getChildren(root)).find((n) => n.kind === 'group' && n.group === 'subscriptions');
  const row =
    group && (await ctx.fusion.getChildren(group)).find((n) => n.kind === 'subscription' && n.subscription.id === id);
  if (!row) {
    throw new UserError(
      vscode.l10n.t('The subscription {0} is not in the Fusion Events view of {1}.', id, connection),
      vscode.l10n.t('Refresh the connection there, then the map.'),
    );
  }
  await ctx.revealInFusion(row);
}
