import * as vscode from 'vscode';
import type { FlowGraph, TenancyFlowInput } from '../core/flowMap/flowGraph';
import type { FlowFinding } from '../core/flowMap/flowFindings';
import { UserError } from '../core/errors/userError';
import type { FusionConnection } from '../core/fusion/fusionClient';
import type { OciClients } from '../core/oci/ociClients';
import type { RetryOptions } from '../core/oci/retry';
import { callsLocalEndpoint, ProfileNode } from '../core/tenancy/profileNodes';
import type { FlowMapScope } from '../protocol/webviewMessages';
import type { FlowMapContext } from './flowMapContext';

/** A map as drawn, with what a trace or a click needs of where it came from. */
export interface LoadedFlowMap {
  /** What the map is of: a compartment, rule, topic or Fusion connection, by name. */
  readonly name: string;
  readonly title: string;
  readonly graph: FlowGraph;
  readonly findings: readonly FlowFinding[];
  /** Says what the map draws differently from what was asked, and why. */
  readonly notice?: string;
  readonly tenancy?: {
    readonly profile: ProfileNode;
    readonly clients: OciClients;
    readonly input: TenancyFlowInput;
    /** The emulator's address, for Send Through Emulator; absent for Oracle Cloud. */
    readonly emulator?: string;
  };
  readonly fusion?: { readonly connection: FusionConnection };
}

/** Reads what the map of `scope` is drawn from, through the same services as the trees. */
export function loadFlowMap(
  ctx: FlowMapContext,
  scope: FlowMapScope,
  retry: RetryOptions,
  progress: (step: string) => void,
): Promise<LoadedFlowMap> {
  return scope.source === 'tenancy'
    ? loadTenancyMap(ctx, scope, retry, progress)
    : loadFusionMap(ctx, scope.connection);
}

async function loadTenancyMap(
  ctx: FlowMapContext,
  scope: Extract<FlowMapScope, { source: 'tenancy' }>,
  retry: RetryOptions,
  progress: (step: string) => void,
): Promise<LoadedFlowMap> {
  const profile = ctx.tenancy.profileNamed(scope.profile);
  if (!profile) {
    throw new UserError(
      vscode.l10n.t('Profile {0} is no longer in the OCI config file or the emulator.', scope.profile),
      vscode.l10n.t('Open the map again from a row of the Tenancy view.'),
    );
  }
  const clients = await ctx.tenancy.clientsFor(profile);
  const options = { ...ctx.tenancy.listOptions(), isCancelled: retry.isCancelled, retry };
  const core = ctx.core();
  const loaded = await core.loadTenancyFlow(clients, scope, options, progress);
  const input = {
    ...loaded,
    compartmentNames: new Map([[scope.compartmentId, scope.compartmentName], ...(loaded.compartmentNames ?? [])]),
  };
  const whole = { graph: core.buildFlowGraph(input), findings: core.flowFindings(input, ctx.catalogue()) };
  const focused = scope.focus ? core.focusGraph(whole.graph, whole.findings, scope.focus) : whole;
  // One compartment's own rules are drawn one by one: a single group would be a dead end.
  const grouped = !scope.focus && !scope.ownOnly && input.rules.length > core.MAX_UNGROUPED_RULES;
  const { graph, findings } = grouped ? core.groupByCompartment(input, focused.graph, focused.findings) : focused;
  const focus = scope.focus && graph.nodes.find((n) => n.id === scope.focus);
  const name = focus ? focus.label : scope.compartmentName;
  return {
    name,
    title: flowMapTitle(name),
    graph,
    findings,
    ...(grouped
      ? {
          notice: vscode.l10n.t(
            '{0} rules are too many to draw one by one: each compartment’s rules are one node. Double-click one for the map of its rules.',
            input.rules.length.toLocaleString(vscode.env.language),
          ),
        }
      : {}),
    tenancy: {
      profile,
      clients,
      input,
      ...(callsLocalEndpoint(profile) && profile.endpoint ? { emulator: profile.endpoint } : {}),
    },
  };
}

async function loadFusionMap(ctx: FlowMapContext, name: string): Promise<LoadedFlowMap> {
  const connection = ctx.fusion.connections().find((c) => c.connection.name === name)?.connection;
  if (!connection) {
    throw new UserError(
      vscode.l10n.t('The Fusion connection {0} is no longer in the settings (oew.fusion.connections).', name),
      vscode.l10n.t('Open the map again from a connection of the Fusion Events view.'),
    );
  }
  const data = await ctx.fusion.flowData(connection);
  const xpath = ctx.xpath();
  const { graph, findings } = ctx.core().buildFusionFlow({
    connection,
    ...data,
    filterError: (filter) =>
      xpath.analyzeFilter(filter, data.events).findings.find((f) => f.severity === 'error')?.message,
  });
  return { name: connection.name, title: flowMapTitle(connection.name), graph, findings, fusion: { connection } };
}

/** The panel's title for the map of `name`. */
export function flowMapTitle(name: string): string {
  return vscode.l10n.t('Event Flow: {0}', name);
}
