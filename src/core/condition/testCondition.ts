import { parseJson } from '../json/parseJson';
import { compile, TraceLine } from './matcher';
import { SampleEvent } from './sampleEvents';

export interface ConditionTestResult {
  readonly sample: SampleEvent;
  readonly matched: boolean;
  readonly trace: readonly TraceLine[];
}

export function testCondition(condition: unknown, samples: readonly SampleEvent[]): ConditionTestResult[] {
  const match = compile(condition);
  return samples.map((sample) => {
    const result = match(sample.event);
    return { sample, matched: result.matched, trace: result.trace };
  });
}

/** A sample file holds one event, or an array of events. */
export function parseSampleFile(text: string, file: string): { samples: SampleEvent[]; error?: string } {
  const parsed = parseJson(text, file, { what: 'sample file' });
  if (!parsed.ok) {
    return { samples: [], error: parsed.error };
  }
  const events: unknown[] = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  return {
    samples: events.map((event, i) => ({
      label: events.length > 1 ? `${file} [${i}]` : file,
      event,
      origin: file,
    })),
  };
}
