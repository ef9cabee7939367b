import { UserError } from '../../core/errors/userError';
import { optional, row } from '../../core/commands/commandArgs';
import type { ProfileNode, TenancyInfoNode } from '../../core/tenancy/profileNodes';
import type { CompartmentNode, RuleNode, TopicNode } from '../../core/tenancy/resourceNodes';
import type { ConnectionNode } from '../../fusion/fusionModel';
import type { FlowMapScope } from '../../protocol/webviewMessages';
import { pickCompartment, profileArgument } from '../../tenancy';
import { FlowMapContext, flowMapCommand } from '../flowMapContext';
import { FlowMapPanel } from '../flowMapPanel';

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
    const scope = node ? await scopeOf(ctx, node) : await pickScope(ctx);
    if (!scope) {
      return undefined;
    }
    const panel = FlowMapPanel.show(ctx, scope);
    return panel.scope;
  },
});

async function scopeOf(ctx: FlowMapContext, node: MapRow): Promise<FlowMapScope> {
  switch (node.kind) {
    case 'connection':
      return { source: 'fusion', connection: node.connection.name };
    case 'profile': {
      // The profile's tenancy row, as the tree reads it (once), for its name.
      const tenancy = (await ctx.tenancy.children(node)).find((n) => n.kind === 'tenancy');
      if (!tenancy) {
        throw new UserError(
          `The tenancy of profile ${node.profile.name} could not be read.`,
          'Expand the profile in the Tenancy view to see why, then try again.',
        );
      }
      return scopeOf(ctx, tenancy);
    }
    case 'tenancy':
      return {
        source: 'tenancy',
        profile: node.parent.profile.name,
        compartmentId: node.id,
        compartmentName: node.name,
      };
    case 'compartment':
      return {
        source: 'tenancy',
        profile: node.profile.profile.name,
        compartmentId: node.id,
        compartmentName: node.name,
      };
    case 'rule':
    case 'topic': {
      const place = node.parent.parent;
      return {
        source: 'tenancy',
        profile: node.profile.profile.name,
        compartmentId: place.id,
        compartmentName: place.name,
        focus: node.kind === 'rule' ? `rule:${node.rule.id}` : `topic:${node.topic.topicId}`,
      };
    }
  }
}

async function pickScope(ctx: FlowMapContext): Promise<FlowMapScope | undefined> {
  const profile = await profileArgument(ctx, undefined);
  const compartment = profile && (await pickCompartment(ctx, profile, 'Show the Event Flow of a Compartment'));
  return (
    compartment && {
      source: 'tenancy',
      profile: profile.profile.name,
      compartmentId: compartment.id,
      compartmentName: compartment.name,
    }
  );
}
