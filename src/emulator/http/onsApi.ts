import { invalidParameter } from '../services/apiError';
import { Topic } from '../store/model';
import { pageOf, sortBy } from './paging';
import { ifMatch, Route, RouteContext } from './route';
import { OnsService } from '../services/onsService';
import { definedTags, freeformTags, object, optionalString, requiredString } from './validate';

const ons = (ctx: RouteContext) => new OnsService(ctx.state, ctx.baseUrl);

/** ONS control plane (topics) and data plane (subscriptions, messages), both under /20181201. */
export const onsRoutes: Route[] = [
  {
    method: 'POST',
    path: '/20181201/topics',
    operation: 'ons.createTopic',
    idempotent: true,
    handle: (ctx) => {
      const details = object(ctx.body);
      const { topic, etag } = ons(ctx).createTopic(
        {
          name: requiredString(details, 'name'),
          compartmentId: requiredString(details, 'compartmentId'),
          description: optionalString(details, 'description'),
          freeformTags: freeformTags(details.freeformTags),
          definedTags: definedTags(details.definedTags),
        },
        ctx.now,
      );
      return { status: 200, body: topic, headers: { etag } };
    },
  },
  {
    method: 'GET',
    path: '/20181201/topics',
    operation: 'ons.listTopics',
    handle: (ctx) => {
      const { query } = ctx;
      const topics = ons(ctx).listTopics(query.get('compartmentId') ?? '', query.get('name') ?? undefined, ctx.now);
      const items = sortBy<Topic>(
        topics,
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
    handle: (ctx) => {
      const { topic, etag } = ons(ctx).getTopic(ctx.params.topicId, ctx.now);
      return { status: 200, body: topic, headers: { etag } };
    },
  },
  {
    method: 'PUT',
    path: '/20181201/topics/{topicId}',
    operation: 'ons.updateTopic',
    handle: (ctx) => {
      const details = object(ctx.body);
      const description = optionalString(details, 'description');
      if (description === undefined) {
        throw invalidParameter('description is required and must be a string.');
      }
      const change = {
        description,
        ...('freeformTags' in details ? { freeformTags: freeformTags(details.freeformTags) } : {}),
        ...('definedTags' in details ? { definedTags: definedTags(details.definedTags) } : {}),
      };
      const { topic, etag } = ons(ctx).updateTopic(ctx.params.topicId, ifMatch(ctx), change, ctx.now);
      return { status: 200, body: topic, headers: { etag } };
    },
  },
  {
    method: 'DELETE',
    path: '/20181201/topics/{topicId}',
    operation: 'ons.deleteTopic',
    handle: (ctx) => {
      ons(ctx).deleteTopic(ctx.params.topicId, ifMatch(ctx));
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
      const { subscription, etag } = ons(ctx).createSubscription(
        {
          topicId: requiredString(details, 'topicId'),
          protocol: requiredString(details, 'protocol'),
          endpoint: requiredString(details, 'endpoint'),
          compartmentId: requiredString(details, 'compartmentId'),
        },
        ctx.now,
      );
      return { status: 200, body: subscription, headers: { etag } };
    },
  },
  {
    method: 'GET',
    path: '/20181201/subscriptions',
    operation: 'ons.listSubscriptions',
    handle: (ctx) => {
      const { query } = ctx;
      const items = ons(ctx)
        .listSubscriptions(query.get('compartmentId') ?? '', query.get('topicId') ?? undefined)
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
    handle: (ctx) => {
      const stored = ons(ctx).getSubscription(ctx.params.subscriptionId);
      return { status: 200, body: stored.value, headers: { etag: stored.etag } };
    },
  },
  {
    method: 'DELETE',
    path: '/20181201/subscriptions/{subscriptionId}',
    operation: 'ons.deleteSubscription',
    handle: (ctx) => {
      ons(ctx).deleteSubscription(ctx.params.subscriptionId, ifMatch(ctx));
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/20181201/subscriptions/{subscriptionId}/resendConfirmation',
    operation: 'ons.resendSubscriptionConfirmation',
    handle: (ctx) => ({ status: 200, body: ons(ctx).resendConfirmation(ctx.params.subscriptionId) }),
  },
  {
    method: 'GET',
    path: '/20181201/subscriptions/{subscriptionId}/confirmation',
    operation: 'ons.getConfirmSubscription',
    auth: 'none',
    changesState: true,
    handle: (ctx) => {
      const service = ons(ctx);
      const { subscription, etag, topicName } = service.confirm(
        ctx.params.subscriptionId,
        ctx.query.get('token') ?? '',
      );
      const { id, topicId, endpoint } = subscription;
      return {
        status: 200,
        body: {
          topicName,
          topicId,
          endpoint,
          unsubscribeUrl: service.unsubscribeUrl(id),
          // The wording of the real page's message is a guess; the field is required.
          message: `You are subscribed to ${topicName}.`,
          subscriptionId: id,
        },
        headers: { etag },
      };
    },
  },
  {
    method: 'POST',
    path: '/20181201/topics/{topicId}/messages',
    operation: 'ons.publishMessage',
    handle: (ctx) => {
      const message = object(ctx.body);
      const body = requiredString(message, 'body');
      const title = optionalString(message, 'title') ?? '';
      const messageId = ons(ctx).publishMessage(ctx.params.topicId, title, body);
      return { status: 200, body: { messageId, timeStamp: new Date(ctx.now).toISOString() } };
    },
  },
];
