import { compile } from '../core/condition/matcher';
import { isTooDeep, tooDeepMessage } from '../core/json/jsonDepth';
import { invalidParameter } from './apiError';
import { publish } from './onsApi';
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
      // A rule sees the events of its compartment and of every compartment below it.
      const scope = new Set(state.ancestry(compartmentId));
      const matched: { ruleId: string; displayName: string; topics: string[] }[] = [];
      const envelope = JSON.stringify(event);
      for (const { value: rule } of state.rules.values()) {
        if (!rule.isEnabled || !scope.has(rule.compartmentId) || !conditionMatches(rule.condition, event)) {
          continue;
        }
        const topics: string[] = [];
        for (const action of rule.actions.actions) {
          const topic =
            action.actionType === 'ONS' && action.isEnabled ? state.topics.get(action.topicId ?? '')?.value : undefined;
          if (topic) {
            publish(state, baseUrl, topic, envelope);
            topics.push(topic.topicId);
          }
        }
        matched.push({ ruleId: rule.id, displayName: rule.displayName, topics });
      }
      return { status: 200, body: { matchedRules: matched } };
    },
  },
];

/**
 * Whether a stored rule's condition matches. Create and update refuse a condition that cannot
 * be read, but a state file written before those checks may hold one: it matches nothing,
 * rather than failing every event.
 */
function conditionMatches(condition: string, event: unknown): boolean {
  try {
    return compile(JSON.parse(condition))(event).matched;
  } catch {
    return false;
  }
}
