import { UserError } from '../errors/userError';
import { isJsonObject } from '../json/isJsonObject';
import { trimChar } from '../text/trimChar';

/** A rule the emulator ran an event through, and the topics it published the event to. */
export interface EmulatorMatch {
  readonly ruleId: string;
  readonly displayName: string;
  readonly topics: readonly string[];
}

/**
 * Emits an event into the emulator at `endpoint` as if it happened in `compartmentId`, which the
 * rules there see: the emulator runs every rule as OCI would and publishes to their topics.
 */
export async function emitEmulatorEvent(
  endpoint: string,
  event: Readonly<Record<string, unknown>>,
  compartmentId: string,
): Promise<EmulatorMatch[]> {
  const placed = {
    ...event,
    extensions: { ...(isJsonObject(event.extensions) ? event.extensions : {}), compartmentId },
    data: { ...(isJsonObject(event.data) ? event.data : {}), compartmentId },
  };
  const response = await fetch(`${trimChar(endpoint, '/')}/_emulator/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(placed),
  });
  const body = (await response.json().catch(() => ({}))) as { matchedRules?: EmulatorMatch[]; message?: string };
  if (!response.ok || !body.matchedRules) {
    throw new UserError(
      `The emulator refused the event: ${body.message ?? response.status}.`,
      'Is the profile’s endpoint the emulator?',
    );
  }
  return body.matchedRules;
}
