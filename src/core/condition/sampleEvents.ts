import { buildOciEvent, OciEventEnvelope } from '../payloads/ociEvent';
import { EventTypeCatalogue } from './catalogue';

export interface SampleEvent {
  readonly label: string;
  readonly event: unknown;
  /** Where it came from: "generated" from the catalogue, or the path of a file of the user's. */
  readonly origin: string;
}

/** Events built for the types a condition names; a wildcard brings up to `perPattern` of its matches. */
export function generatedSamples(
  eventTypes: readonly string[],
  catalogue: EventTypeCatalogue,
  perPattern = 8,
): SampleEvent[] {
  const seen = new Set<string>();
  const samples: SampleEvent[] = [];
  for (const value of eventTypes) {
    for (const entry of catalogue.matching(value).slice(0, perPattern)) {
      if (seen.has(entry.eventType)) {
        continue;
      }
      seen.add(entry.eventType);
      const event: OciEventEnvelope = buildOciEvent({
        eventType: entry.eventType,
        source: entry.envelopeSource,
        additionalDetails: entry.additionalDetails,
      });
      samples.push({ label: entry.eventType, event, origin: 'generated' });
    }
  }
  return samples;
}
