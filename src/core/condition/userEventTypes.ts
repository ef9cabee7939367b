import { EventTypeInfo } from './catalogue';
import { isJsonObject } from '../json/isJsonObject';

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
    types.push({
      eventType: eventType.trim(),
      service: typeof entry!.service === 'string' ? entry!.service : 'Custom',
      description: typeof entry!.description === 'string' ? entry!.description : 'Added by you.',
      additionalDetails: isJsonObject(details)
        ? Object.fromEntries(Object.entries(details).map(([k, v]) => [k, String(v)]))
        : undefined,
      origin,
    });
  });
  return { types, errors };
}
