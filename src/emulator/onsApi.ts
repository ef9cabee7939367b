import { randomBytes, randomUUID } from 'crypto';
import { sameSecret } from '../core/crypto/sameSecret';
import { checkMessage } from '../core/ons/messageSize';
import { buildOnsNotification, buildSubscriptionConfirmation } from '../core/payloads/ons';
import { ApiError, invalidParameter, notFound } from './apiError';
import { deliverWithRetries } from './delivery';
import { Protocol, Subscription, Topic } from './model';
import { ocid } from './ocids';
import { pageOf, sortBy } from './paging';
import { checkIfMatch, compartmentParam, Route, RouteContext } from './route';
import { ACTIVATION_MS, EmulatorState, etagOf, settle, Versioned } from './state';
import { definedTags, freeformTags, object, optionalString, requiredString } from './validate';

const TOPICS_PER_COMPARTMENT = 100;
const PROTOCOLS: Protocol[] = ['CUSTOM_HTTPS', 'EMAIL', 'HTTPS', 'ORACLE_FUNCTIONS', 'PAGERDUTY', 'SLACK', 'SMS'];
const HTTP_PROTOCOLS = new Set<Protocol>(['CUSTOM_HTTPS', 'HTTPS', 'PAGERDUTY', 'SLACK']);
const DEFAULT_DELIVERY_POLICY = { backoffRetryPolicy: { maxRetryDuration: 7_200_000, policyType: 'EXPONENTIAL' } };

/** ONS control plane (topics) and data plane (subscriptions, messages), both under /20181201. */
export const onsRoutes: Route[] = [
  {
    method: 'POST',
    path: '/20181201/topics',
    operation: 'ons.createTopic',
    idempotent: true,
    handle: ({ body, state, now, baseUrl }) => {
      const details = object(body);
      const name = requiredString(details, 'name');
      const compartmentId = requiredString(details, 'compartmentId');
      if (!state.isCompartment(compartmentId)) {
        throw notFound();
      }
      const topics = [...state.topics.values()].map((t) => t.value);
      if (topics.some((t) => t.name === name)) {
        throw new ApiError(409, 'Conflict', `A topic named ${name} already exists in this tenancy.`);
      }
      if (topics.filter((t) => t.compartmentId === compartmentId).length >= TOPICS_PER_COMPARTMENT) {
        throw new ApiError(400, 'TopicLimitReached', `A compartment holds at most ${TOPICS_PER_COMPARTMENT} topics.`);
      }
      const topic: Topic = {
        topicId: ocid('onstopic', randomUUID(), 'iad'),
        name,
        compartmentId,
        lifecycleState: 'CREATING',
        description: optionalString(details, 'description'),
        timeCreated: new Date(now).toISOString(),
        apiEndpoint: baseUrl,
        freeformTags: freeformTags(details.freeformTags),
        definedTags: definedTags(details.definedTags),
      };
      state.topics.set(topic.topicId, { value: topic, etag: etagOf(topic), activeAt: now + ACTIVATION_MS });
      return { status: 200, body: topic, headers: { etag: etagOf(topic) } };
    },
  },
  {
    method: 'GET',
    path: '/20181201/topics',
    operation: 'ons.listTopics',
    handle: ({ query, state, now }) => {
      const compartmentId = compartmentParam(query, state);
      const name = query.get('name');
      const items = sortBy<Topic>(
        [...state.topics.values()]
          .map((t) => ({ ...currentTopic(t, now), etag: t.etag }))
          .filter((t) => t.compartmentId === compartmentId && (!name || t.name === name)),
        query,
        { TIMECREATED: (t) => t.timeCreated, LIFECYCLESTATE: (t) => t.lifecycleState },
        'TIMECREATED',
      );
      const { page, headers } = pageOf(items, query, 50, 10);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    path: '/20181201/topics/{topicId}',
    operation: 'ons.getTopic',
    handle: ({ params, state, now }) => {
      const topic = findTopic(state, params.topicId);
      return { status: 200, body: currentTopic(topic, now), headers: { etag: topic.etag } };
    },
  },
  {
    method: 'PUT',
    path: '/20181201/topics/{topicId}',
    operation: 'ons.updateTopic',
    handle: (ctx) => {
      const stored = findTopic(ctx.state, ctx.params.topicId);
      checkIfMatch(ctx, stored.etag);
      const details = object(ctx.body);
      // The name and compartment of a topic are fixed; only these attributes change.
      const description = optionalString(details, 'description');
      if (description === undefined) {
        throw invalidParameter('description is required and must be a string.');
      }
      const topic: Topic = { ...currentTopic(stored, ctx.now), description };
      if ('freeformTags' in details) topic.freeformTags = freeformTags(details.freeformTags);
      if ('definedTags' in details) topic.definedTags = definedTags(details.definedTags);
      ctx.state.topics.set(topic.topicId, { ...stored, value: topic, etag: etagOf(topic) });
      return { status: 200, body: topic, headers: { etag: etagOf(topic) } };
    },
  },
  {
    method: 'DELETE',
    path: '/20181201/topics/{topicId}',
    operation: 'ons.deleteTopic',
    handle: (ctx) => {
      const { params, state } = ctx;
      checkIfMatch(ctx, findTopic(state, params.topicId).etag);
      state.topics.delete(params.topicId);
      for (const [id, s] of state.subscriptions) {
        if (s.value.topicId === params.topicId) {
          state.subscriptions.delete(id);
        }
      }
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/20181201/subscriptions',
    operation: 'ons.createSubscription',
    idempotent: true,
    handle: (ctx) => {
      const details = object(ctx.body);
      const topic = findTopic(ctx.state, requiredString(details, 'topicId')).value;
      const protocol = requiredString(details, 'protocol') as Protocol;
      if (!PROTOCOLS.includes(protocol)) {
        throw invalidParameter(`protocol must be one of ${PROTOCOLS.join(', ')}.`);
      }
      const endpoint = requiredString(details, 'endpoint');
      if (HTTP_PROTOCOLS.has(protocol) && !/^https?:\/\//.test(endpoint)) {
        throw invalidParameter('An HTTPS subscription endpoint must be a URL.');
      }
      const subscription: Subscription = {
        id: ocid('onssubscription', randomUUID(), 'iad'),
        topicId: topic.topicId,
        protocol,
        endpoint,
        // Functions need no confirmation; every other protocol waits for one.
        lifecycleState: protocol === 'ORACLE_FUNCTIONS' ? 'ACTIVE' : 'PENDING',
        compartmentId: requiredString(details, 'compartmentId'),
        createdTime: ctx.now,
        deliverPolicy: JSON.stringify(DEFAULT_DELIVERY_POLICY),
        freeformTags: {},
        definedTags: {},
      };
      const stored = {
        value: subscription,
        etag: etagOf(subscription),
        confirmationToken: randomBytes(24).toString('hex'),
      };
      ctx.state.subscriptions.set(subscription.id, stored);
      sendConfirmation(ctx, topic, stored);
      return { status: 200, body: subscription, headers: { etag: stored.etag } };
    },
  },
  {
    method: 'GET',
    path: '/20181201/subscriptions',
    operation: 'ons.listSubscriptions',
    handle: ({ query, state }) => {
      const compartmentId = query.get('compartmentId') ?? '';
      const topicId = query.get('topicId');
      const items = [...state.subscriptions.values()]
        .filter(({ value: s }) => s.compartmentId === compartmentId && (!topicId || s.topicId === topicId))
        .map(({ value: { deliverPolicy, ...rest }, etag }) => ({
          ...rest,
          etag,
          deliveryPolicy: JSON.parse(deliverPolicy) as unknown,
        }));
      const { page, headers } = pageOf(items, query, 50, 10);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    path: '/20181201/subscriptions/{subscriptionId}',
    operation: 'ons.getSubscription',
    handle: ({ params, state }) => {
      const stored = findSubscription(state, params.subscriptionId);
      return { status: 200, body: stored.value, headers: { etag: stored.etag } };
    },
  },
  {
    method: 'DELETE',
    path: '/20181201/subscriptions/{subscriptionId}',
    operation: 'ons.deleteSubscription',
    handle: (ctx) => {
      const { params, state } = ctx;
      checkIfMatch(ctx, findSubscription(state, params.subscriptionId).etag);
      state.subscriptions.delete(params.subscriptionId);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/20181201/subscriptions/{subscriptionId}/resendConfirmation',
    operation: 'ons.resendSubscriptionConfirmation',
    handle: (ctx) => {
      const stored = findSubscription(ctx.state, ctx.params.subscriptionId);
      sendConfirmation(ctx, findTopic(ctx.state, stored.value.topicId).value, stored);
      return { status: 200, body: stored.value };
    },
  },
  {
    method: 'GET',
    path: '/20181201/subscriptions/{subscriptionId}/confirmation',
    operation: 'ons.getConfirmSubscription',
    auth: 'none',
    changesState: true,
    handle: ({ params, query, state, baseUrl }) => {
      const stored = findSubscription(state, params.subscriptionId);
      if (!sameSecret(query.get('token') ?? '', stored.confirmationToken)) {
        throw notFound();
      }
      stored.value = { ...stored.value, lifecycleState: 'ACTIVE' };
      stored.etag = etagOf(stored.value);
      const { id, topicId, endpoint } = stored.value;
      const topicName = state.topics.get(topicId)?.value.name ?? '';
      return {
        status: 200,
        body: {
          topicName,
          topicId,
          endpoint,
          unsubscribeUrl: `${baseUrl}/20181201/subscriptions/${id}/unsubscription`,
          // The wording of the real page's message is a guess; the field is required.
          message: `You are subscribed to ${topicName}.`,
          subscriptionId: id,
        },
        headers: { etag: stored.etag },
      };
    },
  },
  {
    method: 'POST',
    path: '/20181201/topics/{topicId}/messages',
    operation: 'ons.publishMessage',
    handle: (ctx) => {
      const topic = findTopic(ctx.state, ctx.params.topicId).value;
      const message = object(ctx.body);
      const body = requiredString(message, 'body');
      const tooBig = checkMessage(optionalString(message, 'title') ?? '', body);
      if (tooBig) {
        // The status and code of the real refusal are a guess: the limit is documented, the error is not.
        throw invalidParameter(tooBig);
      }
      const messageId = publish(ctx.state, ctx.baseUrl, topic, body);
      return { status: 200, body: { messageId, timeStamp: new Date(ctx.now).toISOString() } };
    },
  },
];

/** Sends `body` to every ACTIVE HTTP subscription of the topic; deliveries run in the background. */
export function publish(state: EmulatorState, baseUrl: string, topic: Topic, body: string): string {
  const messageId = randomUUID();
  for (const { value: s } of state.subscriptions.values()) {
    if (s.topicId === topic.topicId && s.lifecycleState === 'ACTIVE' && HTTP_PROTOCOLS.has(s.protocol)) {
      const notification = buildOnsNotification({
        topicId: topic.topicId,
        topicName: topic.name,
        unsubscribeUrl: `${baseUrl}/20181201/subscriptions/${s.id}/unsubscription`,
        messageId,
        body,
      });
      void deliverWithRetries(s.endpoint, notification, state.log, state.timeScale);
    }
  }
  return messageId;
}

function sendConfirmation(
  ctx: RouteContext,
  topic: Topic,
  stored: { value: Subscription; confirmationToken: string },
): void {
  if (!HTTP_PROTOCOLS.has(stored.value.protocol)) {
    return;
  }
  const id = stored.value.id;
  const confirmation = buildSubscriptionConfirmation({
    topicId: topic.topicId,
    topicName: topic.name,
    subscriptionId: id,
    confirmationUrl: `${ctx.baseUrl}/20181201/subscriptions/${id}/confirmation?token=${stored.confirmationToken}&protocol=${stored.value.protocol}`,
    unsubscribeUrl: `${ctx.baseUrl}/20181201/subscriptions/${id}/unsubscription`,
  });
  void deliverWithRetries(stored.value.endpoint, confirmation, ctx.state.log, ctx.state.timeScale);
}

function currentTopic(stored: Versioned<Topic>, now: number): Topic {
  return settle(stored, now, () => 'ACTIVE');
}

function findTopic(state: EmulatorState, id: string) {
  const topic = state.topics.get(id);
  if (!topic) {
    throw notFound();
  }
  return topic;
}

function findSubscription(state: EmulatorState, id: string) {
  const subscription = state.subscriptions.get(id);
  if (!subscription) {
    throw notFound();
  }
  return subscription;
}
