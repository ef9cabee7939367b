import { isTooDeep, tooDeepMessage } from '../../core/json/jsonDepth';
import { invalidParameter } from '../services/apiError';
import { OnsService } from '../services/onsService';
import { RulesService } from '../services/rulesService';
import { Route } from './route';

/**
 * Emulator-only endpoints, outside the API version paths and unsigned: they are the emulator's
 * own controls, not an OCI API.
 */
export const emulatorRoutes: Route[] = [
  {
    method: 'POST',
    path: '/_emulator/events',
    operation: 'emulator.events',
    auth: 'none',
    handle: ({ body, state, baseUrl }) => {
      const event = body as { extensions?: { compartmentId?: unknown }; eventType?: unknown } | undefined;
      const compartmentId = event?.extensions?.compartmentId;
      if (typeof compartmentId !== 'string' || typeof event?.eventType !== 'string') {
        throw invalidParameter('Send an OCI event envelope with eventType and extensions.compartmentId.');
      }
      if (isTooDeep(event)) {
        throw invalidParameter(tooDeepMessage('event'));
      }
      const ons = new OnsService(state, baseUrl);
      const envelope = JSON.stringify(event);
      const matched = new RulesService(state).matching(compartmentId, event).map(({ rule, topicIds }) => {
        const topics = topicIds.flatMap((id) => ons.topic(id) ?? []);
        // Each message's deliveries are at /_emulator/deliveries?messageId=…
        const messages = topics.map((topic) => ({ topicId: topic.topicId, messageId: ons.publish(topic, envelope) }));
        return { ruleId: rule.id, displayName: rule.displayName, topics: topics.map((t) => t.topicId), messages };
      });
      return { status: 200, body: { matchedRules: matched } };
    },
  },
  {
    method: 'GET',
    path: '/_emulator/deliveries',
    operation: 'emulator.deliveries',
    auth: 'none',
    handle: ({ query, state }) => {
      const messageId = query.get('messageId');
      if (!messageId) {
        throw invalidParameter('Give the messageId that POST /_emulator/events answered with: ?messageId=…');
      }
      return { status: 200, body: { items: state.onsDeliveries.forMessage(messageId) } };
    },
  },
];
