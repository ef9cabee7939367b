import { randomUUID } from 'crypto';
import { FUSION_EVENT_HEADERS } from '../../core/payloads/fusionEvent';
import { compileFilter } from '../../core/xpath/evaluate';
import { ApiError, invalidParameter } from '../services/apiError';
import { deliver } from '../services/delivery';
import { Route } from './route';
import { EmulatorState } from '../store/state';
import { FusionDelivery, FusionSubscription, ResponseShape } from '../store/fusionState';

/** Seed 001: 10 automatic retries, then "maxed out" until someone retries by hand. */
export const MAX_RETRIES = 10;
// The seed gives the count, not the interval: a minute between retries is a guess.
const RETRY_INTERVAL_MS = 60_000;
const SHAPES = new Set<ResponseShape>(['array', 'items', 'events', 'unexpected']);

/** The emulator's own Fusion controls: raise an event, see deliveries, add subscriptions, change shapes. */
export const fusionControlRoutes: Route[] = [
  {
    method: 'POST',
    path: '/_emulator/fusion/raise',
    operation: 'emulator.fusion.raise',
    auth: 'none',
    handle: ({ body, state }) => {
      const { eventName, payload } = (body ?? {}) as { eventName?: unknown; payload?: unknown };
      if (typeof eventName !== 'string' || typeof payload !== 'string') {
        throw invalidParameter('Send {"eventName": "{namespace}Name or id", "payload": "<onEvent …>…"}.');
      }
      const event = state.fusion.findEvent(eventName);
      if (!event) {
        throw new ApiError(404, 'NotFound', `${eventName} is in neither the catalog nor the custom catalog.`);
      }
      if (!state.fusion.isEnabled(event)) {
        // As in Fusion: a disabled event is not raised at all, so no subscription sees it.
        return { status: 200, body: { event: event.name, enabled: false, subscriptions: [] } };
      }
      const subscriptions = [...state.fusion.subscriptions.values()]
        .filter((s) => s.eventName === event.name)
        .map((subscription) => {
          const verdict = matches(subscription, payload);
          const delivery = verdict.matched ? startDelivery(state, subscription, payload) : undefined;
          return { id: subscription.id, matched: verdict.matched, error: verdict.error, deliveryId: delivery?.id };
        });
      return { status: 200, body: { event: event.name, enabled: true, subscriptions } };
    },
  },
  {
    method: 'GET',
    path: '/_emulator/fusion/deliveries',
    operation: 'emulator.fusion.deliveries',
    auth: 'none',
    handle: ({ state }) => ({ status: 200, body: { items: state.fusion.deliveries } }),
  },
  {
    method: 'POST',
    path: '/_emulator/fusion/subscriptions',
    operation: 'emulator.fusion.subscribe',
    auth: 'none',
    // What activating an OIC integration does in Fusion; there is no public API for it.
    handle: ({ body, state, now }) => {
      const { eventName, endpoint, filter, integration } = (body ?? {}) as Record<string, unknown>;
      if (typeof eventName !== 'string' || typeof endpoint !== 'string') {
        throw invalidParameter('Send {"eventName", "endpoint", "filter"?, "integration"?}.');
      }
      const subscription: FusionSubscription = {
        id: `SUB-${randomUUID().slice(0, 8).toUpperCase()}`,
        eventName: state.fusion.findEvent(eventName)?.name ?? eventName,
        filter: typeof filter === 'string' ? filter : null,
        endpoint,
        integration: typeof integration === 'string' ? integration : 'EMULATED',
        status: 'Active',
        creationDate: new Date(now).toISOString(),
      };
      state.fusion.subscriptions.set(subscription.id, subscription);
      return { status: 200, body: subscription };
    },
  },
  {
    method: 'POST',
    path: '/_emulator/fusion/shapes',
    operation: 'emulator.fusion.shapes',
    auth: 'none',
    handle: ({ body, state }) => {
      for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
        if (key === 'catalog' && (value === 'events' || value === 'empty')) {
          state.fusion.shapes.catalog = value;
        } else if ((key === 'customCatalog' || key === 'subscriptions') && SHAPES.has(value as ResponseShape)) {
          state.fusion.shapes[key] = value as ResponseShape;
        } else {
          throw invalidParameter(
            `Shapes are catalog (events or empty), and customCatalog and subscriptions, each one of ${[...SHAPES].join(', ')}.`,
          );
        }
      }
      return { status: 200, body: state.fusion.shapes };
    },
  },
];

function matches(subscription: FusionSubscription, payload: string): { matched: boolean; error?: string } {
  if (!subscription.filter) {
    return { matched: true };
  }
  const filter = compileFilter(subscription.filter);
  if (!filter.ok) {
    return { matched: false, error: filter.error };
  }
  const result = filter.evaluate(payload);
  return result.error ? { matched: false, error: result.error } : { matched: result.value === true };
}

/** Queues a delivery and works it in the background: up to 10 retries, then maxed out. */
function startDelivery(state: EmulatorState, subscription: FusionSubscription, payload: string): FusionDelivery {
  const delivery: FusionDelivery = {
    id: randomUUID(),
    subscriptionId: subscription.id,
    eventName: subscription.eventName,
    status: 'Queued',
    retries: 0,
    time: new Date().toISOString(),
  };
  state.fusion.recordDelivery(delivery);
  const message = {
    headers: { ...FUSION_EVENT_HEADERS, 'X-Fusion-Event': subscription.eventName },
    body: payload,
  };
  const attempt = async () => {
    const status = await deliver(subscription.endpoint, message, state.log);
    delivery.lastStatusCode = status;
    if (status >= 200 && status < 300) {
      delivery.status = 'Delivered';
      return;
    }
    if (delivery.retries >= MAX_RETRIES) {
      delivery.status = 'Maxed out retries';
      state.log(`${subscription.id}: maxed out after ${MAX_RETRIES} retries; retry it by hand`);
      return;
    }
    delivery.retries++;
    delivery.status = 'Retried';
    setTimeout(() => void attempt(), RETRY_INTERVAL_MS * state.timeScale).unref();
  };
  void attempt();
  return delivery;
}
