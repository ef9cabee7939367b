import { randomBytes } from 'crypto';
import { buildOciEvent } from '../ociEvent';
import { buildOnsNotification, buildSubscriptionConfirmation, OnsDelivery } from '../ons';
import { TemplateRequest } from '../templateRequest';
import { TemplateContext, TemplateField, TemplateInput, WebhookTemplate } from './templateTypes';

const EVENT_FIELDS: readonly TemplateField[] = [
  {
    name: 'eventType',
    description: 'A catalogued event type, such as com.oraclecloud.computeapi.launchinstance.end.',
    default: 'com.oraclecloud.objectstorage.createobject',
  },
  {
    name: 'variant',
    description: '"real" as events arrive today (freeformTags, version 2.0) or "docs" as the reference shows them.',
    default: 'real',
    values: ['real', 'docs'],
  },
  { name: 'compartmentId', description: 'The compartment OCID in the envelope.' },
  { name: 'compartmentName', description: 'The compartment name in data.' },
  { name: 'resourceName', description: 'data.resourceName.' },
  { name: 'resourceId', description: 'data.resourceId.' },
  { name: 'eventID', description: 'The envelope eventID; new for every request by default.' },
];

const TOPIC_FIELDS: readonly TemplateField[] = [
  { name: 'topicName', description: 'X-OCI-NS-TopicName.', default: 'example-topic' },
  {
    name: 'topicId',
    description: 'X-OCI-NS-TopicOcid.',
    default: 'ocid1.onstopic.oc1.iad.aaaaaaaaexampletopic000000000000000000000000000000000000',
  },
  {
    name: 'subscriptionId',
    description: 'The subscription in the confirmation and unsubscribe URLs.',
    default: 'ocid1.onssubscription.oc1.iad.aaaaaaaaexamplesubscription00000000000000000000000000',
  },
  { name: 'region', description: 'The region of the Notifications endpoint in those URLs.', default: 'us-ashburn-1' },
  { name: 'messageId', description: 'X-OCI-NS-MessageId; new for every request by default.' },
];

export const ociEventTemplate: WebhookTemplate = {
  id: 'oci-event',
  title: 'OCI event envelope',
  platform: 'OCI',
  description: 'An Events service envelope (CloudEvents 0.1) for any catalogued event type, as JSON.',
  fields: EVENT_FIELDS,
  takesBody: true,
  build: (input, fields, context) => {
    const { body, warnings } = envelope(input, fields, context);
    return { method: 'POST', url: input.url, headers: { 'Content-Type': 'application/json' }, body, warnings };
  },
};

export const onsNotificationTemplate: WebhookTemplate = {
  id: 'ons-notification',
  title: 'ONS notification of an event',
  platform: 'OCI',
  description:
    'What a CUSTOM_HTTPS subscription receives when an Events rule publishes to its topic: the envelope with X-OCI-NS-* headers.',
  fields: [...EVENT_FIELDS, ...TOPIC_FIELDS],
  takesBody: true,
  noCustomHeaders: true,
  build: (input, fields, context) => {
    const { body, warnings } = envelope(input, fields, context);
    const delivery = buildOnsNotification({ ...topicRef(fields, input), body: body.toString('utf8') });
    return fromDelivery(input.url, delivery, warnings);
  },
};

export const onsConfirmationTemplate: WebhookTemplate = {
  id: 'ons-confirmation',
  title: 'ONS SubscriptionConfirmation',
  platform: 'OCI',
  description:
    'The handshake ONS sends to a new HTTPS subscription; the endpoint must answer 200 and open the ConfirmationURL.',
  fields: [
    ...TOPIC_FIELDS,
    {
      name: 'confirmationUrl',
      description: 'The ConfirmationURL, in a header and in the body; by default the regional Notifications endpoint.',
    },
  ],
  takesBody: false,
  noCustomHeaders: true,
  build: (input, fields) => {
    const ref = topicRef(fields, input);
    const confirmationUrl =
      fields.confirmationUrl || notificationUrl(fields, `confirmation?token=${token()}&protocol=CUSTOM_HTTPS`);
    const delivery = buildSubscriptionConfirmation({ ...ref, subscriptionId: fields.subscriptionId, confirmationUrl });
    return fromDelivery(input.url, delivery, []);
  },
};

/** The envelope's bytes, built by the one OCI event builder, or the user's own body. */
function envelope(
  input: TemplateInput,
  fields: Readonly<Record<string, string>>,
  context: TemplateContext,
): { body: Buffer; warnings: string[] } {
  if (input.body) {
    return { body: input.body, warnings: jsonWarning(input.body) };
  }
  const entry = context.catalogue.get(fields.eventType);
  const warnings = entry
    ? []
    : [
        `${fields.eventType} is not in the event type catalogue${suggestion(context, fields.eventType)}; the envelope is built anyway.`,
      ];
  const event = buildOciEvent({
    eventType: fields.eventType,
    variant: fields.variant as 'real' | 'docs',
    source: entry?.envelopeSource,
    additionalDetails: entry?.additionalDetails,
    eventTime: input.now,
    ...pick(fields, ['compartmentId', 'compartmentName', 'resourceName', 'resourceId', 'eventID']),
  });
  // Compact JSON in the builder's key order: the service's own spacing is not documented (a guess).
  return { body: Buffer.from(JSON.stringify(event), 'utf8'), warnings };
}

function topicRef(fields: Readonly<Record<string, string>>, input: TemplateInput) {
  return {
    topicId: fields.topicId,
    topicName: fields.topicName,
    unsubscribeUrl: notificationUrl(fields, `unsubscription?token=${token()}&protocol=CUSTOM_HTTPS`),
    timestamp: input.now,
    ...(fields.messageId ? { messageId: fields.messageId } : {}),
  };
}

/**
 * The Notifications data plane's subscription URLs (GetConfirmSubscription and GetUnsubscription
 * take id, token and protocol). The host follows ons.md's endpoint rule; the token's form is a guess.
 */
function notificationUrl(fields: Readonly<Record<string, string>>, tail: string): string {
  return `https://notification.${fields.region}.oraclecloud.com/20181201/subscriptions/${fields.subscriptionId}/${tail}`;
}

function token(): string {
  return randomBytes(24).toString('hex');
}

function fromDelivery(url: string, delivery: OnsDelivery, warnings: string[]): TemplateRequest {
  return {
    method: 'POST',
    url,
    headers: delivery.headers,
    body: Buffer.from(delivery.body, 'utf8'),
    warnings: [...warnings, ...onsEndpointWarnings(url)],
  };
}

/** ons.md's endpoint rules for CUSTOM_HTTPS: what ONS itself would refuse to deliver to. */
function onsEndpointWarnings(url: string): string[] {
  if (!URL.canParse(url)) {
    return [];
  }
  const parsed = new URL(url);
  return [
    ...(parsed.search
      ? ['ONS refuses subscription endpoints with a query string; a real topic could not deliver here.']
      : []),
    ...(url.length > 512 ? ['ONS accepts endpoint URLs of at most 512 characters.'] : []),
  ];
}

function jsonWarning(body: Buffer): string[] {
  try {
    JSON.parse(body.toString('utf8'));
    return [];
  } catch {
    return ['The body is not JSON, though its Content-Type says application/json.'];
  }
}

function suggestion(context: TemplateContext, eventType: string): string {
  const near = context.catalogue.suggest(eventType, 1);
  return near.length ? ` (did you mean ${near[0]}?)` : '';
}

function pick(fields: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => fields[n]).map((n) => [n, fields[n]]));
}
