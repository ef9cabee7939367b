import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { consoleUrl, ConsoleTarget } from '../../core/oci/consoleUrl';
import { CompartmentNode, RuleNode, RuleRefNode, SubscriptionNode, TopicNode } from '../../core/tenancy/resourceNodes';
import { callsLocalEndpoint, TenancyInfoNode } from '../../core/tenancy/profileNodes';
import { consoleRow } from '../../core/tenancy/tenancyArgs';
import { tenancyCommand } from '../tenancyContext';

type ConsoleNode = TenancyInfoNode | CompartmentNode | RuleNode | RuleRefNode | TopicNode | SubscriptionNode;

/** Opens a resource's page in the OCI Console, in the region the profile calls. */
export const openInConsole = tenancyCommand({
  id: 'oew.tenancy.openInConsole',
  args: [consoleRow],
  run: async (_ctx, node: ConsoleNode) => {
    const profile =
      node.kind === 'tenancy' ? node.parent : node.kind === 'ruleRef' ? node.parent.parent.profile : node.profile;
    if (callsLocalEndpoint(profile)) {
      throw new UserError(
        vscode.l10n.t(
          'Profile {0} calls {1}, a local endpoint such as the emulator, which has no OCI Console.',
          profile.profile.name,
          String(profile.endpoint),
        ),
        vscode.l10n.t('Open in OCI Console works on profiles of a real tenancy.'),
      );
    }
    if (!profile.region) {
      throw new UserError(
        vscode.l10n.t('Profile {0} has no region.', profile.profile.name),
        vscode.l10n.t('Add region= to the profile.'),
      );
    }
    const result = consoleUrl({ ...targetOf(node), region: profile.region });
    if ('reason' in result) {
      throw new UserError(result.reason, vscode.l10n.t('Copy OCID is on the same menu.'));
    }
    await vscode.env.openExternal(vscode.Uri.parse(result.url, true));
    return result.url;
  },
});

function targetOf(node: ConsoleNode): Omit<ConsoleTarget, 'region'> {
  switch (node.kind) {
    case 'tenancy':
    case 'compartment':
      return { kind: node.kind, id: node.id };
    case 'rule':
    case 'ruleRef':
      return { kind: 'rule', id: node.rule.id };
    case 'topic':
      return { kind: 'topic', id: node.topic.topicId };
    case 'subscription':
      return { kind: 'subscription', id: node.subscription.id, topicId: node.subscription.topicId };
  }
}
