import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { InboxRecord } from '../core/inbox/inboxRecord';
import type { Inbox } from '../core/inbox/inboxTypes';
import { TopicNode } from '../core/tenancy/resourceNodes';
import { callsLocalEndpoint, ProfileNode } from '../core/tenancy/profileNodes';
import { withOciProgress } from '../tenancy';
import { pickCompartment } from '../tenancy';
import { pickPaged } from '../platform/pickPaged';
import { prompts } from '../platform/prompts';
import { topicRow } from '../core/tenancy/tenancyArgs';
import { either, optional } from '../core/commands/commandArgs';
import { InboxContext, inboxCommand, recordArg } from './inboxContext';

/** How long the command waits for the emulator's confirmation to reach the inbox and be answered. */
const CONFIRMATION_WAIT_MS = 15_000;

/** Where the subscription goes, when a script or test names it instead of picking. */
interface Target {
  readonly profile: string;
  readonly compartmentId: string;
  readonly topicId: string;
  readonly topicName: string;
}

/**
 * Subscribes the inbox to an emulator topic as CUSTOM_HTTPS at `<inbox>/ons/<topic>`. The
 * emulator sends its confirmation to the inbox, which opens the loopback ConfirmationURL by
 * itself, so the subscription turns ACTIVE without a step of the user's. Only emulator profiles:
 * a real ONS cannot reach 127.0.0.1.
 */
export const inboxSubscribeToTopic = inboxCommand({
  id: 'oew.inbox.subscribeToTopic',
  args: [optional(either(topicRow, recordArg))],
  run: async (ctx, arg?: TopicNode | InboxRecord) => {
    // From the Webhook Inbox's title bar, the argument is the row in focus there.
    const node = arg && 'kind' in arg && arg.kind === 'topic' ? arg : undefined;
    const profile = node?.profile ?? (await pickEmulatorProfile(ctx));
    if (!profile) {
      return undefined;
    }
    if (!callsLocalEndpoint(profile)) {
      throw new UserError(
        vscode.l10n.t(
          'Profile {0} calls OCI itself, whose Notifications service cannot reach the inbox on 127.0.0.1.',
          profile.profile.name,
        ),
        vscode.l10n.t(
          'Use an emulator profile, or subscribe a public URL that tunnels to the inbox with "Create Subscription…".',
        ),
      );
    }
    const inbox = await ctx.webhooks.inbox.start();
    const title = vscode.l10n.t('Subscribe the Webhook Inbox to a topic of {0}', profile.profile.name);
    const target: Target | undefined =
      (node && {
        profile: profile.profile.name,
        compartmentId: node.topic.compartmentId,
        topicId: node.topic.topicId,
        topicName: node.topic.name,
      }) ??
      (await pickTopic(ctx, profile, title));
    if (!target) {
      return undefined;
    }
    const endpoint = `${inbox.url}/ons/${encodeURIComponent(target.topicName)}`;
    const clients = await ctx.tenancy.clientsFor(profile);
    const subscription = await withOciProgress(
      ctx.log,
      vscode.l10n.t('Subscribing the inbox to {0}…', target.topicName),
      (retry) =>
        clients.createSubscription(
          { compartmentId: target.compartmentId, topicId: target.topicId, protocol: 'CUSTOM_HTTPS', endpoint },
          retry,
        ),
    );
    if (!subscription) {
      return undefined;
    }
    const confirmation = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t("Waiting for {0}'s confirmation…", target.topicName),
      },
      () =>
        confirmationOf(
          inbox,
          subscription.id,
          ctx.webhooks.inbox.onDidChange,
          () => ctx.webhooks.inbox.inbox !== inbox,
        ),
    );
    const topicNode = ctx.tenancy.resources.loadedTopicWithId(
      ctx.tenancy.profileNamed(profile.profile.name) ?? profile,
      target.topicId,
    );
    if (topicNode) {
      ctx.tenancy.resources.refresh(topicNode);
    }
    const outcome = confirmation?.confirmation?.outcome;
    if (outcome === 'confirmed') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'The inbox is subscribed to {0} and confirmed it: what the topic gets now arrives in the Webhook Inbox.',
          target.topicName,
        ),
      );
    } else {
      void vscode.window.showWarningMessage(
        confirmation?.confirmation?.outcome === 'failed'
          ? vscode.l10n.t(
              'The inbox is subscribed to {0}, but the subscription is not confirmed: {1}. It stays PENDING until it is.',
              target.topicName,
              confirmation.confirmation.error,
            )
          : vscode.l10n.t(
              'The inbox is subscribed to {0}, but the subscription is not confirmed yet. It stays PENDING until it is.',
              target.topicName,
            ),
      );
    }
    return { subscriptionId: subscription.id, endpoint, confirmation: outcome };
  },
});

async function pickEmulatorProfile(ctx: InboxContext): Promise<ProfileNode | undefined> {
  const emulators = ctx.tenancy.roots().filter((n): n is ProfileNode => n.kind === 'profile' && callsLocalEndpoint(n));
  if (!emulators.length) {
    throw new UserError(
      vscode.l10n.t(
        'No profile of the Tenancy view calls an emulator, and only an emulator can reach the inbox on 127.0.0.1.',
      ),
      vscode.l10n.t(
        'Run "Start Local Emulator", or point a profile at `oew emulator` with the oew.oci.endpoints setting.',
      ),
    );
  }
  if (emulators.length === 1) {
    return emulators[0];
  }
  const picked = await prompts.pick(
    emulators.map((node) => ({ label: node.profile.name, description: node.endpoint, node })),
    {
      title: vscode.l10n.t('Subscribe the Webhook Inbox to a topic'),
      placeHolder: vscode.l10n.t('Emulator profile'),
    },
  );
  return picked?.node;
}

async function pickTopic(ctx: InboxContext, profile: ProfileNode, title: string): Promise<Target | undefined> {
  const compartmentId = (await pickCompartment(ctx, profile, title))?.id;
  if (!compartmentId) {
    return undefined;
  }
  const clients = await ctx.tenancy.clientsFor(profile);
  const picked = await pickPaged(title, async (page) => {
    const result = await clients.topicsPage(compartmentId, { page });
    return {
      items: result.items.map((t) => ({ label: t.name, description: t.description, id: t.topicId })),
      nextPage: result.nextPage,
    };
  });
  return picked && { profile: profile.profile.name, compartmentId, topicId: picked.id, topicName: picked.label };
}

/** The inbox's record of the subscription's confirmation once answered; undefined after the wait, or once the inbox stopped. */
function confirmationOf(
  inbox: Inbox,
  subscriptionId: string,
  onDidChange: vscode.Event<void>,
  stopped: () => boolean,
): Promise<InboxRecord | undefined> {
  const settled = () =>
    inbox
      .records()
      .find(
        (r) =>
          r.headers['x-oci-ns-subscriptionid'] === subscriptionId &&
          r.confirmation !== undefined &&
          r.confirmation.outcome !== 'pending',
      );
  return new Promise((resolve) => {
    const done = (record: InboxRecord | undefined) => {
      clearTimeout(timer);
      listener.dispose();
      stopping.dispose();
      resolve(record);
    };
    const stopping = onDidChange(() => stopped() && done(undefined));
    const timer = setTimeout(() => done(undefined), CONFIRMATION_WAIT_MS);
    const listener = inbox.onRecord(() => {
      const record = settled();
      if (record) {
        done(record);
      }
    });
    const already = settled();
    if (already) {
      done(already);
    }
  });
}
