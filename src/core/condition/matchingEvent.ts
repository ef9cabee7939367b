import { isJsonObject } from '../json/isJsonObject';
import { compile } from './matcher';
import { hasWildcard } from './wildcard';

/** An event built to match a condition, or where and why no event can. */
export type MatchingEvent =
  | { readonly ok: true; readonly event: Record<string, unknown> }
  | { readonly ok: false; readonly path: string; readonly reason: string };

/** What a wildcard's `*` becomes in a generated value: a word a user reads as a stand-in. */
const WILDCARD_FILL = 'example';

/**
 * `base` changed as little as it takes to match `condition`: a field the base already has and
 * the condition accepts is kept (so an event type from the catalogue stays), and every other
 * clause gets the first value its condition accepts. Only an empty array, which lists no value
 * to be one of, makes a clause that nothing can meet.
 */
export function matchingEvent(condition: unknown, base: Readonly<Record<string, unknown>>): MatchingEvent {
  if (!isJsonObject(condition)) {
    return { ok: false, path: '(event)', reason: 'the condition is not a JSON object, and an event is one' };
  }
  const result = satisfy(condition, base, []);
  return result.ok
    ? { ok: true, event: result.value as Record<string, unknown> }
    : { ok: false, path: result.path, reason: result.reason };
}

type Satisfied = { ok: true; value: unknown } | { ok: false; path: string; reason: string };

function satisfy(condition: unknown, value: unknown, path: readonly string[]): Satisfied {
  if (isJsonObject(condition)) {
    const current = isJsonObject(value) ? value : {};
    const result = copy(current);
    for (const [key, clause] of Object.entries(condition)) {
      const field = satisfy(clause, Object.hasOwn(current, key) ? current[key] : undefined, [...path, key]);
      if (!field.ok) {
        return field;
      }
      setOwn(result, key, field.value);
    }
    return { ok: true, value: result };
  }
  if (value !== undefined && accepts(condition, value)) {
    return { ok: true, value };
  }
  if (Array.isArray(condition)) {
    const where = path.join('.') || '(event)';
    if (!condition.length) {
      return { ok: false, path: where, reason: 'is an empty array: arrays are OR, and it lists no value to be one of' };
    }
    for (const option of condition) {
      const met = satisfy(option, value, path);
      if (met.ok) {
        return met;
      }
    }
    return { ok: false, path: where, reason: 'lists only values that no event can have' };
  }
  if (typeof condition === 'string') {
    return { ok: true, value: condition === '*' ? WILDCARD_FILL : condition.split('*').join(WILDCARD_FILL) };
  }
  // A number, boolean or null is compared as is.
  return { ok: true, value: condition };
}

/** A clause the near miss breaks, and the event that fails it and only it. */
export interface NearMiss {
  /** Dotted path of the clause, as the trace names it. */
  readonly path: string;
  readonly event: Record<string, unknown>;
}

/**
 * `event` (which matches `condition`) changed in one clause so that it fails that clause alone:
 * the last clause under `data`, which is what a condition usually narrows, else the first one.
 * The clause's value becomes a string it rejects where one is found, else null, else it is left out.
 * Undefined when the condition has no clause to break (`{}`).
 */
export function nearMiss(condition: unknown, event: Readonly<Record<string, unknown>>): NearMiss | undefined {
  const clauses = isJsonObject(condition) ? leafClauses(condition, []) : [];
  const chosen = clauses.filter((c) => c.path[0] === 'data').pop() ?? clauses[0];
  if (!chosen) {
    return undefined;
  }
  const current = valueAt(event, chosen.path);
  const rejected = candidates(current).find((candidate) => !accepts(chosen.condition, candidate));
  return { path: chosen.path.join('.') || '(event)', event: replaceAt(event, chosen.path, rejected) };
}

interface Clause {
  readonly path: readonly string[];
  readonly condition: unknown;
}

/** The clauses the matcher traces one line for each: every value that is not a non-empty object. */
function leafClauses(condition: Readonly<Record<string, unknown>>, path: readonly string[]): Clause[] {
  return Object.entries(condition).flatMap(([key, value]) =>
    isJsonObject(value) && Object.keys(value).length
      ? leafClauses(value, [...path, key])
      : [{ path: [...path, key], condition: value }],
  );
}

/** Values to try for a near miss, the most readable first; undefined leaves the field out, which fails any clause. */
function candidates(current: unknown): unknown[] {
  const text = typeof current === 'string' && current !== '' ? current : undefined;
  return [...(text ? [`other-${text}`, `${text}-other`, `other-${text}-other`] : []), 'other', '', null, undefined];
}

/** Whether the matcher accepts `value` for a clause whose condition is `condition`. */
function accepts(condition: unknown, value: unknown): boolean {
  if (value === undefined) {
    return false;
  }
  const wrapped: Record<string, unknown> = {};
  setOwn(wrapped, 'v', condition);
  const event: Record<string, unknown> = {};
  setOwn(event, 'v', value);
  return compile(wrapped)(event).matched;
}

function valueAt(event: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let value: unknown = event;
  for (const key of path) {
    value = isJsonObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
  }
  return value;
}

/** A copy of `event` with the value at `path` replaced, or removed when `value` is undefined. */
function replaceAt(
  event: Readonly<Record<string, unknown>>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [key, ...rest] = path;
  const result = copy(event);
  if (!rest.length) {
    if (value === undefined) {
      delete result[key];
    } else {
      setOwn(result, key, value);
    }
    return result;
  }
  const inner = Object.hasOwn(event, key) ? event[key] : undefined;
  setOwn(result, key, replaceAt(isJsonObject(inner) ? inner : {}, rest, value));
  return result;
}

/** Own fields only: a condition's key such as `__proto__` is a field like any other. */
function copy(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value));
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A named event type with its wildcards filled, for a type the catalogue does not know. */
export function exampleEventType(named: string): string {
  return hasWildcard(named) ? named.split('*').join(WILDCARD_FILL) : named;
}
