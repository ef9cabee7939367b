import { parseTree } from 'jsonc-parser';
import { analyzeCondition } from '../src/core/condition/analyzeCondition';
import { EventTypeCatalogue } from '../src/core/condition/catalogue';
import { completeCondition } from '../src/core/condition/completion';
import { compile } from '../src/core/condition/matcher';
import { buildOciEvent } from '../src/core/payloads/ociEvent';
import { print, repeat } from './benchFigures';
import { record } from './benchResults';

/**
 * npm run bench -- conditions: matcher throughput (10k events × 100 rules), diagnostics for a
 * 2 KB condition, and completion, each beside a baseline measured in the same run.
 */
export function benchConditions(): void {
  const catalogue = EventTypeCatalogue.builtin();
  const types = catalogue.entries.map((e) => e.eventType);

  const events = Array.from({ length: 10_000 }, (_, i) =>
    buildOciEvent({
      eventType: types[i % types.length],
      resourceName: `bucket-${i % 97}/object-${i}.json`,
      additionalDetails: { bucketName: `bucket-${i % 13}`, namespace: 'ns' },
      freeformTags: { Department: i % 2 ? 'Finance' : 'Ops' },
    }),
  );
  const conditions = Array.from({ length: 100 }, (_, i) => ({
    eventType: [
      types[i % types.length],
      types[(i * 7) % types.length],
      `com.oraclecloud.${types[i % types.length].split('.')[2]}.*`,
    ],
    data: {
      resourceName: [`bucket-${i % 97}/*`, `*-${i}.json`],
      additionalDetails: { bucketName: `bucket-${i % 13}` },
      freeformTags: { Department: i % 3 ? 'Finance' : '*' },
    },
  }));

  const compileStart = performance.now();
  const matchers = conditions.map((c) => compile(c));
  const compileMs = performance.now() - compileStart;
  const matchRuns = repeat(5, () => {
    let matched = 0;
    for (const event of events) {
      for (const m of matchers) {
        if (m(event).matched) {
          matched++;
        }
      }
    }
    return matched;
  });
  const baselineRuns = repeat(5, () => {
    let matched = 0;
    for (const event of events) {
      for (const c of conditions) {
        if (c.eventType[0] === event.eventType) {
          matched++;
        }
      }
    }
    return matched;
  });
  print('matcher: compile 100 conditions', [compileMs]);
  const match = print('matcher: 10k events × 100 rules (target ≤ 200 ms)', matchRuns);
  const compares = print('baseline: 10k × 100 eventType string compares', baselineRuns);
  record({
    figure: 'matcher: 10k events × 100 rules',
    value: match.median,
    unit: 'ms',
    target: { atMost: 200 },
    baseline: { label: 'eventType string compares', value: compares.median },
  });

  const condition = twoKilobyteCondition(types);
  const diagnostics = print(
    `diagnostics: analyze a ${condition.length}-byte condition (target median ≤ 1 ms)`,
    repeat(200, () => analyzeCondition(condition, catalogue)),
  );
  const parse = print(
    'baseline: JSON.parse of the same text',
    repeat(200, () => JSON.parse(condition) as unknown),
  );
  record({
    figure: 'condition diagnostics, 2 KB',
    value: diagnostics.median,
    unit: 'ms',
    target: { atMost: 1 },
    baseline: { label: 'JSON.parse', value: parse.median },
  });

  const completionText = '{"eventType": ["com.oraclecloud.objectstorage.cr"], "data": {"additionalDetails": {}}}';
  const root = parseTree(completionText);
  const completion = print(
    'completion: event types at a value (target ≤ 5 ms)',
    repeat(200, () => completeCondition(completionText, 30, root, catalogue)),
  );
  record({ figure: 'condition completion', value: completion.median, unit: 'ms', target: { atMost: 5 } });
  print(
    'completion: additionalDetails keys',
    repeat(200, () => completeCondition(completionText, completionText.length - 3, root, catalogue)),
  );
  print(
    'baseline: parseTree of the same text',
    repeat(200, () => parseTree(completionText)),
  );
}

function twoKilobyteCondition(types: string[]): string {
  const eventType: string[] = [];
  let text = '';
  for (let i = 0; text.length < 2048; i++) {
    eventType.push(types[i % types.length]);
    text = JSON.stringify(
      { eventType, data: { resourceName: ['a/*', '*b*'], additionalDetails: { bucketName: ['x', 'y'] } } },
      null,
      2,
    );
  }
  return text;
}
