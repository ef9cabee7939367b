import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { isSecretName } from '../core/http/redact';
import { isJsonObject } from '../core/json/isJsonObject';
import { redactFormUrl } from '../core/sender/redactSenderRequest';
import { checkSenderRequest } from '../core/sender/senderRequestCheck';
import {
  emptySenderRequest,
  SENDER_METHODS,
  SenderAuth,
  SenderHeader,
  SenderRequest,
} from '../core/sender/senderTypes';
import { splitUrlCredentials } from '../core/sender/urlCredentials';
import { FusionNode } from '../fusion';
import { SubscriptionNode } from '../core/tenancy/resourceNodes';
import { eventTypeAtCursor } from '../platform/eventTypeAtCursor';
import { anyFusionRow } from '../fusion';
import { subscriptionRow } from '../core/tenancy/tenancyArgs';
import { uriArg } from '../platform/uriArg';
import { anything, optional } from '../core/commands/commandArgs';
import { SenderContext, senderCommand } from './senderContext';

/** A request to start the form from: what the inbox hands over for "Open in Sender". */
export interface SenderSeed {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Opens the Webhook Sender, empty or with a request from the inbox or another command. */
export const openSender = senderCommand({
  id: 'oew.sender.open',
  args: [optional(anything)],
  run: async (ctx, seed?: unknown) => {
    if (seed === undefined) {
      return ctx.sender.open();
    }
    const { request, notice } = await toRequest(ctx, seed);
    return ctx.sender.open(request, notice);
  },
});

/** "Open in Sender" on a file of `.oew/requests/`. */
export const openRequestFile = senderCommand({
  id: 'oew.sender.openRequestFile',
  args: [optional(uriArg)],
  run: async (ctx, uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      throw new UserError(
        vscode.l10n.t('There is no saved request open.'),
        vscode.l10n.t('Open a file of .oew/requests first.'),
      );
    }
    return ctx.sender.openFile(target);
  },
});

/**
 * What ONS would deliver to a subscription's endpoint: its confirmation while it is pending,
 * a notification of an event once it is active, with the topic's names and ids filled in.
 */
export const sendToSubscription = senderCommand({
  id: 'oew.sender.sendToSubscription',
  args: [optional(subscriptionRow)],
  run: async (ctx, node?: SubscriptionNode) => {
    if (node?.kind !== 'subscription') {
      throw new UserError(
        vscode.l10n.t('Choose a subscription in the Tenancy view.'),
        vscode.l10n.t('Expand a topic to see its subscriptions.'),
      );
    }
    const { subscription } = node;
    if (subscription.protocol !== 'CUSTOM_HTTPS' && subscription.protocol !== 'HTTPS') {
      throw new UserError(
        vscode.l10n.t('A {0} subscription has no HTTP endpoint to send to.', subscription.protocol),
        vscode.l10n.t('Choose an HTTPS subscription.'),
      );
    }
    const { url, username, password } = splitUrlCredentials(subscription.endpoint);
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
});

/** A Fusion event's payload as OIC's ERP Cloud trigger receives it, to the inbox while it runs. */
export const sendFusionEvent = senderCommand({
  id: 'oew.sender.sendFusionEvent',
  args: [optional(anyFusionRow)],
  run: (ctx, node?: FusionNode) => {
    if (node?.kind !== 'event') {
      throw new UserError(
        vscode.l10n.t('Choose an event in the Fusion view.'),
        vscode.l10n.t('Expand a catalog to see its events.'),
      );
    }
    return ctx.sender.open({
      ...emptySenderRequest(),
      template: 'fusion-event',
      url: inboxTarget(ctx, '/fusion'),
      fields: { event: node.info.event.name },
    });
  },
});

/** An OCI event of the type under the cursor, to the inbox while it runs. */
export const sendSampleEvent = senderCommand({
  id: 'oew.sender.sendSampleEvent',
  args: [],
  run: (ctx) => {
    const eventType = eventTypeAtCursor();
    if (!eventType) {
      throw new UserError(
        vscode.l10n.t('There is no event type here.'),
        vscode.l10n.t('Put the cursor on an event type in a condition.'),
      );
    }
    return ctx.sender.open({
      ...emptySenderRequest(),
      template: 'oci-event',
      url: inboxTarget(ctx, '/events'),
      fields: { eventType },
    });
  },
});

function inboxTarget(ctx: SenderContext, path: string): string {
  const inbox = ctx.sender.inboxUrl();
  return inbox ? `${inbox}${path}` : '';
}

/**
 * The form for a seed from another command: a SenderRequest is checked like a webview message;
 * a captured request (the inbox's) has its credentials moved to SecretStorage, since the form is
 * kept in the webview's state, and its other secret headers left out, which the notice says.
 */
async function toRequest(ctx: SenderContext, seed: unknown): Promise<{ request: SenderRequest; notice?: string }> {
  if (isJsonObject(seed) && 'template' in seed) {
    return { request: checkSenderRequest(seed, 'the request to open') };
  }
  const captured = checkSeed(seed);
  const { url, username, password } = splitUrlCredentials(captured.url);
  let auth: SenderAuth = { kind: 'none' };
  if (password) {
    await ctx.sender.rememberBasicPassword(url, username, password);
    auth = { kind: 'basic', username };
  }
  const dropped: string[] = [];
  const headers: SenderHeader[] = [];
  let contentType: string | undefined;
  for (const [name, value] of Object.entries(captured.headers)) {
    const lower = name.toLowerCase();
    const basic = /^Basic\s+(\S+)$/i.exec(value);
    const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
    if (lower === 'content-type') {
      contentType = value;
    } else if (lower === 'authorization' && basic && decoded.includes(':') && auth.kind === 'none') {
      const user = decoded.slice(0, decoded.indexOf(':'));
      await ctx.sender.rememberBasicPassword(url, user, decoded.slice(decoded.indexOf(':') + 1));
      auth = { kind: 'basic', username: user };
    } else if (isSecretName(name)) {
      dropped.push(name);
    } else {
      headers.push({ name, value, enabled: true });
    }
  }
  const method = captured.method.toUpperCase();
  const formUrl = redactFormUrl(url);
  if (formUrl !== url) {
    dropped.push(vscode.l10n.t('the secret values of the query, now <redacted>'));
  }
  return {
    request: {
      ...emptySenderRequest(),
      template: 'custom',
      method: (SENDER_METHODS as readonly string[]).includes(method) ? method : 'POST',
      url: formUrl,
      headers,
      fields: contentType ? { contentType } : {},
      body: captured.body,
      rawBody: true,
      auth,
    },
    ...(dropped.length
      ? {
          notice: vscode.l10n.t(
            "Left out {0}: the form is kept in the panel's state, which holds no secrets.",
            dropped.join(', '),
          ),
        }
      : {}),
  };
}

function checkSeed(seed: unknown): SenderSeed {
  const bad = () =>
    new UserError(
      vscode.l10n.t('The request to open is not one the sender can read.'),
      vscode.l10n.t('Open the sender from the palette.'),
    );
  if (!isJsonObject(seed) || typeof seed.method !== 'string' || typeof seed.url !== 'string') {
    throw bad();
  }
  const headers = seed.headers ?? {};
  if (!isJsonObject(headers) || !Object.values(headers).every((v) => typeof v === 'string')) {
    throw bad();
  }
  return {
    method: seed.method,
    url: seed.url,
    headers: headers as Record<string, string>,
    body: typeof seed.body === 'string' ? seed.body : '',
  };
}
