import { ErpBusinessEventRecord } from './fusionClient';
import { findEvent, FusionEvent } from './fusionEvents';

/** What a Disabled Events row is named by: the catalog's display name, else the record's code. */
export function disabledEventName(record: ErpBusinessEventRecord, event: FusionEvent | undefined): string {
  return event?.displayName ?? record.BusinessEventCode;
}

/**
 * The disabled records with their catalog events, in name order (case-insensitive; ties keep the
 * instance's order) so a user can find one in a long list.
 */
export function disabledEvents(
  events: readonly FusionEvent[],
  records: readonly ErpBusinessEventRecord[],
): { record: ErpBusinessEventRecord; event?: FusionEvent }[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return records
    .filter((record) => !record.EnabledFlag)
    .map((record) => ({ record, event: byId.get(record.BusinessEventIdentifier) }))
    .map((entry) => ({ entry, key: disabledEventName(entry.record, entry.event).toLowerCase() }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ entry }) => entry);
}

/**
 * Whether a subscription's event is disabled in erpBusinessEvents, so nothing will reach it.
 * An event the catalog does not know, or one without a record, is not called disabled: its state is unknown.
 */
export function subscribesToDisabledEvent(
  eventName: string,
  events: readonly FusionEvent[],
  records: readonly ErpBusinessEventRecord[],
): boolean {
  const event = findEvent(events, eventName);
  const identifier = event?.id ?? eventName;
  const record = records.find((r) => r.BusinessEventIdentifier === identifier);
  return record !== undefined && !record.EnabledFlag;
}
