import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { ruleUri } from '../rules/ruleUri';
import type { FlowMapContext } from './flowMapContext';
import type { LoadedFlowMap } from './flowMapData';

/**
 * Selects a node's row in the Tenancy or Fusion Events view. A row the tree has not loaded yet
 * cannot be selected: the message says which list to open.
 */
export async function revealFlowNode(ctx: FlowMapContext, map: LoadedFlowMap, nodeId: string): Promise<void> {
  const node = map.graph.nodes.find((n) => n.id === nodeId);
  if (!node?.ocid && node?.kind !== 'fusionSubscription') {
    throw new UserError(
      `${node?.label ?? nodeId} has no row in the Tenancy or Fusion Events view.`,
      'Pick a rule, a topic or a subscription.',
    );
  }
  if (map.fusion) {
    return revealFusionSubscription(ctx, map.fusion.connection.name, nodeId.slice('fusionSubscription:'.length));
  }
  const tenancy = map.tenancy!;
  const profile = tenancy.profile;
  if (node.kind === 'rule') {
    const row = ctx.tenancy.resources.loadedRule(profile, node.ocid!);
    return row ? ctx.revealInTenancy(row) : notLoaded(node.label, 'the Rules of its compartment');
  }
  const topicId =
    node.kind === 'subscription'
      ? tenancy.input.subscriptions.find((s) => s.id === node.ocid)?.topicId
      : node.kind === 'topic'
        ? node.ocid
        : undefined;
  const topic = topicId && ctx.tenancy.resources.loadedTopicWithId(profile, topicId);
  if (topic) {
    return ctx.revealInTenancy(topic);
  }
  if (!topicId) {
    throw new UserError(
      `${node.label} is a ${node.kind === 'function' ? 'function' : 'stream'}, which the Tenancy view does not list.`,
      'Open it in the OCI Console with its OCID (Copy OCID in the map’s details).',
    );
  }
  return notLoaded(node.label, 'the Topics of its compartment');
}

/** Opens a rule of the map as its document, as Edit Rule does. */
export async function openRuleOfNode(ctx: FlowMapContext, map: LoadedFlowMap, nodeId: string): Promise<void> {
  const rule = map.tenancy?.input.rules.find((r) => `rule:${r.rule.id}` === nodeId)?.rule;
  if (!rule || !map.tenancy) {
    throw new UserError('That node is no rule of this map.', 'Refresh the map, then pick the rule again.');
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
      `The subscription ${id} is not in the Fusion Events view of ${connection}.`,
      'Refresh the connection there, then the map.',
    );
  }
  await ctx.revealInFusion(row);
}

function notLoaded(label: string, list: string): void {
  void vscode.window.showInformationMessage(
    `${label} is not loaded in the Tenancy view yet: open ${list} there, then pick it on the map again.`,
  );
}
