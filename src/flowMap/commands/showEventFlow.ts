import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { optional, row } from '../../core/commands/commandArgs';
import type { ProfileNode, TenancyInfoNode } from '../../core/tenancy/profileNodes';
import type { CompartmentNode, RuleNode, TopicNode } from '../../core/tenancy/resourceNodes';
import type { ConnectionNode } from '../../fusion/fusionModel';
import type { FlowMapScope } from '../../protocol/webviewMessages';
import { pickCompartment, profileArgument } from '../../tenancy';
import { FlowMapContext, flowMapCommand } from '../flowMapContext';
import { FlowMapPanel } from '../flowMapPanel';
import type { Place } from '../tenancyRowOf';

type MapRow = ProfileNode | TenancyInfoNode | CompartmentNode | RuleNode | TopicNode | ConnectionNode;

const mapRow = row<MapRow>(
  'a profile, tenancy, compartment, rule or topic of the Tenancy view, or a Fusion connection',
  'profile',
  'tenancy',
  'compartment',
  'rule',
  'topic',
  'connection',
);

/**
 * Opens the event flow map of a row: a profile's or a tenancy's whole tenancy, a compartment
 * with those below it, a rule or a topic with what flows through it, or a Fusion connection.
 * From the palette it asks for a profile and a compartment.
 */
export const showEventFlow = flowMapCommand({
  id: 'oew.flowMap.show',
  args: [optional(mapRow)],
  run: async (ctx, node?: MapRow) => {
    const { scope, origin } = node ? await scopeOf(ctx, node) : { scope: await pickScope(ctx), origin: undefined };
    if (!scope) {
      return undefined;
    }
    const panel = FlowMapPanel.show(ctx, scope, origin);
    return panel.scope;
  },
});

/** What the map of a row is of, and the row of its compartment, where the way down to a node starts. */
async function scopeOf(ctx: FlowMapContext, node: MapRow): Promise<{ scope: FlowMapScope; origin?: Place }> {
  switch (node.kind) {
    case 'connection':
      return { scope: { source: 'fusion', connection: node.connection.name } };
    case 'profile': {
      // The profile's tenancy row, as the tree reads it (once), for its name.
      const tenancy = (await ctx.tenancy.children(node)).find((n) => n.kind === 'tenancy');
      if (!tenancy) {
        throw new UserError(
          vscode.l10n.t('The tenancy of profile {0} could not be read.', node.profile.name),
          vscode.l10n.t('Expand the profile in the Tenancy view to see why, then try again.'),
        );
      }
      return scopeOf(ctx, tenancy);
    }
    case 'tenancy':
      return { scope: placeScope(node.parent.profile.name, node), origin: node };
    case 'compartment':
      return { scope: placeScope(node.profile.profile.name, node), origin: node };
    case 'rule':
    case 'topic': {
      const place = node.parent.parent;
      const focus = node.kind === 'rule' ? `rule:${node.rule.id}` : `topic:${node.topic.topicId}`;
      return { scope: { ...placeScope(node.profile.profile.name, place), focus }, origin: place };
    }
  }
}

function placeScope(profile: string, place: Place): Extract<FlowMapScope, { source: 'tenancy' }> {
  return { source: 'tenancy', profile, compartmentId: place.id, compartmentName: place.name };
}

async function pickScope(ctx: FlowMapContext): Promise<FlowMapScope | undefined> {
  const profile = await profileArgument(ctx, undefined);
  const compartment =
    profile && (await pickCompartment(ctx, profile, vscode.l10n.t('Show the Event Flow of a Compartment')));
  return (
    compartment && {
      source: 'tenancy',
      profile: profile.profile.name,
      compartmentId: compartment.id,
      compartmentName: compartment.name,
    }
  );
}
