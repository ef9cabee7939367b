import { EventTypeInfo } from './catalogue';
import { isJsonObject } from '../json/isJsonObject';
import { parseJson } from '../json/parseJson';

/** A workspace's own event types, beside its other `.oew/` files. */
export const WORKSPACE_EVENT_TYPES = '.oew/event-types.json';

/** A `.oew/event-types.json` file's text, read as parseUserEventTypes reads the setting; text that is not JSON is one error. */
export function parseUserEventTypesFile(text: string, origin: string): { types: EventTypeInfo[]; errors: string[] } {
  const parsed = parseJson(text, origin, { what: 'event types file' });
  return parsed.ok ? parseUserEventTypes(parsed.value, origin) : { types: [], errors: [parsed.error] };
}

/**
 * The user's own event types, from `.oew/event-types.json` or the `oew.events.customEventTypes`
 * setting: a list of type strings, or of objects with `eventType` and optional `service`,
 * `description` and `additionalDetails`; the list may also sit under an `eventTypes` key.
 */
export function parseUserEventTypes(value: unknown, origin: string): { types: EventTypeInfo[]; errors: string[] } {
  const list = Array.isArray(value)
    ? value
    : isJsonObject(value) && Array.isArray(value.eventTypes)
      ? value.eventTypes
      : undefined;
  if (!list) {
    return { types: [], errors: [`${origin}: expected a list of event types, or {"eventTypes": [...]}.`] };
  }
  const types: EventTypeInfo[] = [];
  const errors: string[] = [];
  list.forEach((item: unknown, index) => {
    const entry = typeof item === 'string' ? { eventType: item } : isJsonObject(item) ? item : undefined;
    const eventType = entry?.eventType;
    if (typeof eventType !== 'string' || !eventType.trim()) {
      errors.push(`${origin}: item ${index + 1} has no "eventType" string.`);
      return;
    }
    const details = entry!.additionalDetails;
    const examples = isJsonObject(details) ? Object.entries(details) : [];
    if (examples.some(([, v]) => v !== null && typeof v === 'object')) {
      // An example is one value as the event carries it; String() of a nested one says nothing (and recurses).
      errors.push(
        `${origin}: item ${index + 1} has an additionalDetails example that is not a string, number or boolean.`,
      );
      return;
    }
    types.push({
      eventType: eventType.trim(),
      service: typeof entry!.service === 'string' ? entry!.service : 'Custom',
      description: typeof entry!.description === 'string' ? entry!.description : 'Added by you.',
      additionalDetails: isJsonObject(details)
        ? Object.fromEntries(examples.map(([k, v]) => [k, String(v)]))
        : undefined,
      origin,
    });
  });
  return { types, errors };
}
