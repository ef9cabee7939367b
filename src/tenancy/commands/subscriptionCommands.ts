import * as vscode from 'vscode';
import { isUserError, UserError } from '../../core/errors/userError';
import { redactValues } from '../../core/http/redact';
import { endpointSecrets, maskEndpoint } from '../../core/ons/maskEndpoint';
import { callsLocalEndpoint } from '../../core/tenancy/profileNodes';
import {
  checkSubscriptionEndpoint,
  ENDPOINT_EXAMPLES,
  SUBSCRIPTION_PROTOCOLS,
  SubscriptionProtocol,
} from '../../core/ons/subscriptionEndpoint';
import { SubscriptionNode, TopicNode } from '../../core/tenancy/resourceNodes';
import { changeWithProgress, withOciProgress } from '../ociProgress';
import { prompts } from '../../platform/prompts';
import { subscriptionRow, topicRow } from '../../core/tenancy/tenancyArgs';
import { tenancyCommand } from '../tenancyContext';

function protocolDetails(): Record<SubscriptionProtocol, string> {
  return {
    CUSTOM_HTTPS: vscode.l10n.t('POST to your HTTPS endpoint, which must answer the confirmation'),
    EMAIL: vscode.l10n.t('An email address, confirmed by a link in the first message'),
    SLACK: vscode.l10n.t('A Slack incoming-webhook URL'),
    PAGERDUTY: vscode.l10n.t('A PagerDuty Events integration URL'),
    ORACLE_FUNCTIONS: vscode.l10n.t('A function in OCI Functions, by OCID; needs no confirmation'),
  };
}

/**
 * Subscribes an endpoint to a topic, checked first as ONS would check it. The emulator's
 * profiles also take http://127.0.0.1, where it delivers; a real tenancy never does.
 */
export const createSubscription = tenancyCommand({
  id: 'oew.tenancy.createSubscription',
  args: [topicRow],
  run: async (ctx, node: TopicNode) => {
    const local = callsLocalEndpoint(node.profile);
    const protocol = (
      await prompts.pick(
        SUBSCRIPTION_PROTOCOLS.map((p) => ({ label: p, detail: protocolDetails()[p], protocol: p })),
        { title: vscode.l10n.t('Create Subscription on {0}', node.topic.name), placeHolder: vscode.l10n.t('Protocol') },
      )
    )?.protocol;
    if (!protocol) {
      return undefined;
    }
    const check = (value: string) => checkSubscriptionEndpoint(protocol, value, { allowLocalHttp: local });
    const endpoint = await prompts.input({
      title: vscode.l10n.t('Create {0} Subscription on {1}', protocol, node.topic.name),
      prompt: local
        ? vscode.l10n.t(
            'Endpoint, such as {0}; this emulator profile also takes http://127.0.0.1',
            ENDPOINT_EXAMPLES[protocol],
          )
        : vscode.l10n.t('Endpoint, such as {0}', ENDPOINT_EXAMPLES[protocol]),
      validateInput: check,
      // Stays open while the user fetches the URL from another window.
      ignoreFocusOut: true,
    });
    if (endpoint === undefined) {
      return undefined;
    }
    const problem = check(endpoint);
    if (problem) {
      throw new UserError(
        problem,
        vscode.l10n.t('A {0} endpoint looks like {1}.', protocol, ENDPOINT_EXAMPLES[protocol]),
      );
    }
    const clients = await ctx.tenancy.clientsFor(node.profile);
    const shown = maskEndpoint(protocol, endpoint);
    const subscription = await withOciProgress(
      ctx.log,
      vscode.l10n.t('Subscribing {0} to {1}…', shown, node.topic.name),
      async (retry) => {
        const created = await clients
          .createSubscription(
            { compartmentId: node.topic.compartmentId, topicId: node.topic.topicId, protocol, endpoint },
            retry,
          )
          .catch((err: unknown) => {
            throw withoutSecrets(err, endpointSecrets(protocol, endpoint));
          });
        ctx.tenancy.resources.refresh(node);
        return created;
      },
      vscode.l10n.t(
        'Stopped waiting. If OCI received the request, the subscription appears under {0}.',
        node.topic.name,
      ),
    );
    if (String(subscription?.lifecycleState) === 'PENDING') {
      void vscode.window.showInformationMessage(
        protocol === 'EMAIL'
          ? vscode.l10n.t(
              'Subscribed {0} to {1}. It stays PENDING until the endpoint confirms: ONS sent it a confirmation email.',
              shown,
              node.topic.name,
            )
          : vscode.l10n.t(
              'Subscribed {0} to {1}. It stays PENDING until the endpoint confirms: ONS sent it a confirmation message with a ConfirmationURL.',
              shown,
              node.topic.name,
            ),
      );
    }
    return subscription;
  },
});

export const deleteSubscription = tenancyCommand({
  id: 'oew.tenancy.deleteSubscription',
  args: [subscriptionRow],
  run: async (ctx, node: SubscriptionNode) => {
    const { subscription } = node;
    const shown = maskEndpoint(subscription.protocol, subscription.endpoint);
    if (
      !(await prompts.confirm(
        vscode.l10n.t(
          'Delete the {0} subscription of {1} to {2}?',
          subscription.protocol,
          shown,
          node.parent.topic.name,
        ),
        vscode.l10n.t(
          'The endpoint stops receiving this topic’s messages; messages in delivery are lost. {0}',
          subscription.id,
        ),
        vscode.l10n.t('Delete'),
      ))
    ) {
      return false;
    }
    const clients = await ctx.tenancy.clientsFor(node.profile);
    return changeWithProgress(
      ctx.log,
      vscode.l10n.t('Deleting the subscription of {0}…', shown),
      (retry) => clients.deleteSubscription(subscription.id, subscription.etag, retry),
      () => ctx.tenancy.resources.refresh(node.parent),
    );
  },
});

/** Asks ONS to send a PENDING subscription's confirmation again (a new ConfirmationURL, valid 3 days). */
export const resendConfirmation = tenancyCommand({
  id: 'oew.tenancy.resendConfirmation',
  args: [subscriptionRow],
  run: async (ctx, node: SubscriptionNode) => {
    const { subscription } = node;
    const shown = maskEndpoint(subscription.protocol, subscription.endpoint);
    const clients = await ctx.tenancy.clientsFor(node.profile);
    const result = await withOciProgress(ctx.log, vscode.l10n.t('Resending the confirmation to {0}…', shown), (retry) =>
      clients.resendConfirmation(subscription.id, retry),
    );
    if (result) {
      ctx.tenancy.resources.refresh(node.parent);
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'ONS sent the confirmation to {0} again. The subscription turns ACTIVE once the endpoint confirms it; Refresh the topic to see it.',
          shown,
        ),
      );
    }
    return result;
  },
});

/** The service may quote the endpoint back in its message; its secret parts are hidden before it is shown or logged. */
function withoutSecrets(err: unknown, secrets: readonly string[]): unknown {
  if (isUserError(err)) {
    return new UserError(redactValues(err.message, secrets), redactValues(err.nextStep, secrets));
  }
  return err instanceof Error ? new Error(redactValues(err.message, secrets)) : err;
}
