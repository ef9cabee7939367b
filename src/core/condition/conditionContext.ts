import { getNodeValue, Node } from 'jsonc-parser';
import { parseJson } from '../json/parseJson';

/** The event types a condition names at its top level, as written (wildcards included). */
export function namedEventTypes(root: Node | undefined): string[] {
  const value =
    root?.type === 'object'
      ? root.children?.find((p) => p.children?.[0]?.value === 'eventType')?.children?.[1]
      : undefined;
  if (!value) {
    return [];
  }
  return namedEventTypesIn({ eventType: getNodeValue(value) as unknown });
}

/** The same, from a parsed condition. */
export function namedEventTypesIn(condition: unknown): string[] {
  const raw =
    typeof condition === 'object' && condition !== null ? (condition as { eventType?: unknown }).eventType : undefined;
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
}

/** The event types a condition in the API's form, a JSON string, names; none when it is not JSON or nests too deep to read. */
export function conditionEventTypes(condition: string): string[] {
  const parsed = parseJson(condition, 'the condition', { what: 'condition' });
  return parsed.ok ? namedEventTypesIn(parsed.value) : [];
}
