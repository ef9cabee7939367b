import { randomUUID } from 'crypto';

/**
 * What ONS sends to an HTTPS subscription (docs: notificationoverview.htm, confirm-subscription.htm):
 * the one module for these headers and bodies, used by the emulator and the webhook templates.
 * The signature headers (X-OCI-NS-Signature, -SigningCertURL) are left out: their algorithm is
 * not documented, and an invented one would mislead a receiver that verifies them.
 */
export interface OnsDelivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface OnsTopicRef {
  readonly topicId: string;
  readonly topicName: string;
  readonly unsubscribeUrl: string;
  readonly messageId?: string;
  readonly timestamp?: Date;
}

export function buildSubscriptionConfirmation(
  options: OnsTopicRef & { readonly subscriptionId: string; readonly confirmationUrl: string },
): OnsDelivery {
  const headers = {
    ...commonHeaders(options, 'SubscriptionConfirmation'),
    'X-OCI-NS-ConfirmationURL': options.confirmationUrl,
    'X-OCI-NS-SubscriptionId': options.subscriptionId,
    'X-OCI-NS-State': 'Pending',
  };
  // The docs name only the ConfirmationURL key of this body; the message text is a guess.
  const body = JSON.stringify({
    ConfirmationURL: options.confirmationUrl,
    Message: `You have chosen to subscribe to the topic: ${options.topicName}. To confirm the subscription, visit the ConfirmationURL.`,
  });
  return { headers, body };
}

/** A message published to the topic; for an Events action its body is the event envelope JSON. */
export function buildOnsNotification(options: OnsTopicRef & { readonly body: string }): OnsDelivery {
  // "Notification" as the message type is a guess: the docs show only SubscriptionConfirmation.
  return { headers: commonHeaders(options, 'Notification'), body: options.body };
}

function commonHeaders(options: OnsTopicRef, messageType: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'X-OCI-NS-MessageId': options.messageId ?? randomUUID(),
    'X-OCI-NS-TopicOcid': options.topicId,
    'X-OCI-NS-TopicName': options.topicName,
    'X-OCI-NS-MessageType': messageType,
    'X-OCI-NS-UnsubscribeURL': options.unsubscribeUrl,
    'X-OCI-NS-Timestamp': onsTimestamp(options.timestamp ?? new Date()),
    'X-OCI-NS-SignatureVersion': '1.0',
  };
}

/** The docs' form: 2019-04-19T21:26:00.310+0000. */
export function onsTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
