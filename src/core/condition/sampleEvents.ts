import { buildOciEvent, OciEventEnvelope } from '../payloads/ociEvent';
import { EventTypeCatalogue } from './catalogue';
import { namedEventTypesIn } from './conditionContext';
import { exampleEventType, matchingEvent, nearMiss } from './matchingEvent';

export interface SampleEvent {
  readonly label: string;
  readonly event: unknown;
  /** Where it came from: "generated" from the catalogue, or the path of a file of the user's. */
  readonly origin: string;
  /** For a generated near miss: the clause it was built to fail, as the trace names it. */
  readonly nearMiss?: string;
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

/** The type an event is built of for a condition that names none: any type would do, and this is the docs' own example. */
export const ANY_TYPE_EXAMPLE = 'com.oraclecloud.objectstorage.createobject';

/** The generated events for a condition, or why no event can match it. */
export interface ConditionSamples {
  readonly samples: readonly SampleEvent[];
  /** Set when no event can match the condition: then nothing is generated. */
  readonly impossible?: string;
}

/**
 * Events built to match a condition, one per type it names (up to `perPattern` per wildcard),
 * each filled in wherever the condition asks for a value; then a near miss that differs from the
 * first in exactly one clause, so a test shows both what passes and what the condition turns away.
 * A condition naming no type gets an event of an example type; one naming only types the catalogue
 * does not know gets an event of the type as written.
 */
export function samplesForCondition(
  condition: unknown,
  catalogue: EventTypeCatalogue,
  perPattern = 8,
): ConditionSamples {
  const named = namedEventTypesIn(condition);
  const bases = generatedSamples(named.length ? named : [ANY_TYPE_EXAMPLE], catalogue, perPattern);
  if (!bases.length) {
    const eventType = named.length ? exampleEventType(named[0]) : (catalogue.entries[0]?.eventType ?? ANY_TYPE_EXAMPLE);
    bases.push({ label: eventType, event: buildOciEvent({ eventType }), origin: 'generated' });
  }
  const samples: SampleEvent[] = [];
  for (const base of bases) {
    const built = matchingEvent(condition, base.event as Record<string, unknown>);
    if (!built.ok) {
      return { samples: [], impossible: `No event can match this condition: ${built.path} ${built.reason}.` };
    }
    samples.push({ ...base, event: built.event });
  }
  const miss = nearMiss(condition, samples[0].event as Record<string, unknown>);
  if (miss) {
    samples.push({
      label: `${samples[0].label} near miss`,
      event: miss.event,
      origin: 'generated',
      nearMiss: miss.path,
    });
  }
  return { samples };
}
