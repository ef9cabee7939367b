import { catalogGroups, eventRow } from '../src/core/fusion/catalogGroups';
import { FusionEvent } from '../src/core/fusion/fusionEvents';
import { referenceCatalog } from '../src/core/fusion/referenceCatalog';
import { print, repeat } from './benchFigures';
import { record } from './benchResults';

const SIZE = 1000;

/**
 * npm run bench -- fusion: a 1,000-event catalog response, from the arrived text to every row
 * of the Fusion Events view (parsed, grouped by module with enabled states, each row's label),
 * beside JSON.parse of the same text alone.
 */
export function benchFusion(): void {
  const base = referenceCatalog();
  const events: FusionEvent[] = Array.from({ length: SIZE }, (_, i) => {
    const event = base[i % base.length];
    return {
      ...event,
      id: `${event.id}_${i}`,
      name: event.name.replace(/\}(\w+)$/, `}$1${i}`),
      displayName: `${event.displayName} ${i}`,
    };
  });
  const body = JSON.stringify({ events: events.map(({ sample, module, source, defaultEnabled, ...wire }) => wire) });
  const records = events.map((e, i) => ({
    ErpBusinessEventId: 100100104470000 + i,
    BusinessEventCode: e.id,
    BusinessEventIdentifier: e.id,
    EnabledFlag: i % 3 !== 0,
  }));
  console.log(`catalog response: ${SIZE} events, ${(body.length / 1024).toFixed(0)} KB`);
  const show = print(
    `parse and show: JSON.parse, group by module, every row's label (target ≤ 100 ms)`,
    repeat(50, () => {
      const parsed = (JSON.parse(body) as { events: FusionEvent[] }).events;
      return catalogGroups(parsed, records).flatMap((g) => g.events.map(eventRow));
    }),
  );
  const parse = print(
    'baseline: JSON.parse of the same response',
    repeat(50, () => JSON.parse(body) as unknown),
  );
  record({
    figure: `Fusion catalog of ${SIZE.toLocaleString('en-US')} events to rows`,
    value: show.median,
    unit: 'ms',
    target: { atMost: 100 },
    baseline: { label: 'JSON.parse', value: parse.median },
  });
  print(
    'filter over every event (a search of the whole catalog)',
    repeat(50, () => catalogGroups(events, records, 'hold')),
  );
}
