import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { emptySenderRequest, SENDER_METHODS, SenderRequest } from '../core/sender/senderTypes';
import { FusionNode } from '../views/fusion/fusionModel';
import { SubscriptionNode } from '../views/tenancy/resourceNodes';
import { Command, CommandContext } from './commandTable';
import { eventTypeAtCursor } from './showRulesForEventType';

/** A request to start the form from: what the inbox hands over for "Open in Sender". */
export interface SenderSeed {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Opens the Webhook Sender, empty or with a request from the inbox or another command. */
export const openSender: Command = {
  id: 'oew.sender.open',
  run: (ctx, seed?: SenderSeed | SenderRequest) => ctx.sender.open(seed && toRequest(seed)),
};

/** "Open in Sender" on a file of `.oew/requests/`. */
export const openRequestFile: Command = {
  id: 'oew.sender.openRequestFile',
  run: async (ctx, uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      throw new UserError('There is no saved request open.', 'Open a file of .oew/requests first.');
    }
    return ctx.sender.openFile(target);
  },
};

/**
 * What ONS would deliver to a subscription's endpoint: its confirmation while it is pending,
 * a notification of an event once it is active, with the topic's names and ids filled in.
 */
export const sendToSubscription: Command = {
  id: 'oew.sender.sendToSubscription',
  run: async (ctx, node?: SubscriptionNode) => {
    if (node?.kind !== 'subscription') {
      throw new UserError('Choose a subscription in the Tenancy view.', 'Expand a topic to see its subscriptions.');
    }
    const { subscription } = node;
    if (subscription.protocol !== 'CUSTOM_HTTPS' && subscription.protocol !== 'HTTPS') {
      throw new UserError(
        `A ${subscription.protocol} subscription has no HTTP endpoint to send to.`,
        'Choose an HTTPS subscription.',
      );
    }
    const { url, username, password } = splitCredentials(subscription.endpoint);
    if (password) {
      // The endpoint's password goes to SecretStorage, not into the form, its state or history.
      await ctx.sender.rememberBasicPassword(url, username, password);
    }
    return ctx.sender.open({
      ...emptySenderRequest(),
      template: subscription.lifecycleState === 'PENDING' ? 'ons-confirmation' : 'ons-notification',
      url,
      fields: {
        topicName: node.parent.topic.name,
        topicId: subscription.topicId,
        subscriptionId: subscription.id,
        region: node.profile.region ?? node.profile.profile.region ?? '',
      },
      auth: username ? { kind: 'basic', username } : { kind: 'none' },
    });
  },
};

/** A Fusion event's payload as OIC's ERP Cloud trigger receives it, to the inbox while it runs. */
export const sendFusionEvent: Command = {
  id: 'oew.sender.sendFusionEvent',
  run: (ctx, node?: FusionNode) => {
    if (node?.kind !== 'event') {
      throw new UserError('Choose an event in the Fusion view.', 'Expand a catalog to see its events.');
    }
    return ctx.sender.open({
      ...emptySenderRequest(),
      template: 'fusion-event',
      url: inboxTarget(ctx, '/fusion'),
      fields: { event: node.info.event.name },
    });
  },
};

/** An OCI event of the type under the cursor, to the inbox while it runs. */
export const sendSampleEvent: Command = {
  id: 'oew.sender.sendSampleEvent',
  run: (ctx) => {
    const eventType = eventTypeAtCursor();
    if (!eventType) {
      throw new UserError('There is no event type here.', 'Put the cursor on an event type in a condition.');
    }
    return ctx.sender.open({
      ...emptySenderRequest(),
      template: 'oci-event',
      url: inboxTarget(ctx, '/events'),
      fields: { eventType },
    });
  },
};

function inboxTarget(ctx: CommandContext, path: string): string {
  const inbox = ctx.sender.inboxUrl();
  return inbox ? `${inbox}${path}` : '';
}

function toRequest(seed: SenderSeed | SenderRequest): SenderRequest {
  if ('template' in seed) {
    return seed;
  }
  const headers = Object.entries(seed.headers);
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return {
    ...emptySenderRequest(),
    template: 'custom',
    method: (SENDER_METHODS as readonly string[]).includes(seed.method.toUpperCase())
      ? seed.method.toUpperCase()
      : 'POST',
    url: seed.url,
    headers: headers
      .filter(([name]) => name.toLowerCase() !== 'content-type')
      .map(([name, value]) => ({ name, value, enabled: true })),
    fields: contentType ? { contentType } : {},
    body: seed.body,
  };
}

function splitCredentials(endpoint: string): { url: string; username: string; password: string } {
  if (!URL.canParse(endpoint)) {
    return { url: endpoint, username: '', password: '' };
  }
  const url = new URL(endpoint);
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return { url: url.toString(), username, password };
}
