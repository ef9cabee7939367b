import { moduleOf } from './eventModules';
import { ErpBusinessEventRecord } from './fusionClient';
import { FusionEvent, parseQName } from './fusionEvents';

/** An event with what erpBusinessEvents says of it, when that could be read. */
export interface EventInfo {
  readonly event: FusionEvent;
  readonly custom: boolean;
  /** Unknown for custom events and when erpBusinessEvents cannot be read. */
  readonly enabled?: boolean;
  readonly record?: ErpBusinessEventRecord;
}

export interface ModuleGroup {
  readonly module: string;
  readonly events: readonly EventInfo[];
}

/**
 * The catalog as the Fusion Events view shows it: by module, sorted, each event with its
 * enabled state from erpBusinessEvents (linked by BusinessEventIdentifier), filtered over every
 * event by display name, QName or id.
 */
export function catalogGroups(
  events: readonly FusionEvent[],
  records: readonly ErpBusinessEventRecord[] | undefined,
  filter?: string,
): ModuleGroup[] {
  const byId = new Map(records?.map((r) => [r.BusinessEventIdentifier, r]));
  const needle = filter?.toLowerCase();
  const modules = new Map<string, EventInfo[]>();
  for (const event of events) {
    if (needle && !`${event.displayName} ${event.name} ${event.id}`.toLowerCase().includes(needle)) {
      continue;
    }
    const record = byId.get(event.id);
    const module = moduleOf(event);
    let list = modules.get(module);
    if (!list) {
      list = [];
      modules.set(module, list);
    }
    list.push({ event, custom: false, record, enabled: record?.EnabledFlag });
  }
  return [...modules.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([module, infos]) => ({
      module,
      events: infos.sort((a, b) => a.event.displayName.localeCompare(b.event.displayName)),
    }));
}

/** An event row's label and description, as the view shows them. */
export function eventRow(info: EventInfo): { label: string; description: string; state: string } {
  const { event, enabled, custom } = info;
  const local = parseQName(event.name)?.local;
  const state = custom ? 'custom' : enabled === undefined ? 'state unknown' : enabled ? 'enabled' : 'disabled';
  return { label: event.displayName || local || event.id, description: `${local ?? event.id} · ${state}`, state };
}
