import { hasWildcard, wildcardMatcher } from './wildcard';
import { UserError } from '../errors/userError';
import { isJsonObject } from '../json/isJsonObject';
import { isTooDeep, MAX_JSON_DEPTH, tooDeepMessage } from '../json/jsonDepth';

/** One decision of the matcher, for a user to read why an event matched or not. */
export interface TraceLine {
  /** Dotted path of the field, such as data.additionalDetails.bucketName. */
  readonly path: string;
  readonly condition: unknown;
  /** The event's value, or "missing" when the event has no such field. */
  readonly event: unknown;
  readonly matched: boolean;
  /** The rule that decided: exact, wildcard, any-value, one-of, nested, … */
  readonly rule: string;
  /** Set when the values differ only in letter case: matching is case-sensitive, as far as is known. */
  readonly warning?: string;
}

export interface MatchResult {
  readonly matched: boolean;
  /** Computed when read, so matching many events stays fast. */
  readonly trace: readonly TraceLine[];
}

export type Matcher = (event: unknown) => MatchResult;

type Test = (value: unknown) => boolean;

/**
 * Compiles a condition once into a matcher for many events, with OCI's documented semantics:
 * every named field must be present and match, at the same nesting; arrays are OR; `*` is a
 * wildcard anywhere in a string value and the rest is literal; a lone `*` matches anything but
 * null; `{}` matches every event. Comparison is case-sensitive, which the docs do not confirm.
 */
export function compile(condition: unknown): Matcher {
  if (isTooDeep(condition)) {
    throw new UserError(tooDeepMessage('condition'), 'Flatten the condition: real ones nest a few levels.');
  }
  const test = compileValue(condition);
  return (event) => new LazyResult(test(event), condition, event);
}

class LazyResult implements MatchResult {
  private _trace: TraceLine[] | undefined;

  constructor(
    readonly matched: boolean,
    private readonly condition: unknown,
    private readonly event: unknown,
  ) {}

  get trace(): readonly TraceLine[] {
    return (this._trace ??= explain(this.condition, this.event, []));
  }
}

// Hot path: plain loops and no closures made per call, since a rule set may see millions of events.
function compileValue(condition: unknown): Test {
  if (Array.isArray(condition)) {
    return compileArray(condition);
  }
  if (isJsonObject(condition)) {
    const keys = Object.keys(condition);
    const tests = keys.map((key) => compileValue(condition[key]));
    return (value) => {
      if (!isJsonObject(value)) {
        return false;
      }
      for (let i = 0; i < keys.length; i++) {
        const field = value[keys[i]];
        // A missing field never matches; `in` is asked only when the value looks missing.
        if ((field === undefined && !(keys[i] in value)) || !tests[i](field)) {
          return false;
        }
      }
      return true;
    };
  }
  if (typeof condition === 'string') {
    return condition === '*' ? (value) => value !== null && value !== undefined : compileArray([condition]);
  }
  // Not documented: a number, boolean or null in a condition is compared with the event's value as is.
  return (value) => value === condition || (Array.isArray(value) && value.includes(condition));
}

/**
 * Arrays are OR. Plain strings are looked up in a set, so a long list of event types costs one
 * lookup, and wildcard strings are tried in turn; anything else is compiled on its own.
 */
function compileArray(options: readonly unknown[]): Test {
  const strings = options.filter((o): o is string => typeof o === 'string' && o !== '*');
  const exact = new Set(strings.filter((o) => !hasWildcard(o)));
  const patterns = strings.filter(hasWildcard).map(wildcardMatcher);
  const rest = options.filter((o) => typeof o !== 'string' || o === '*').map(compileValue);
  const matchesText = (s: string): boolean => {
    if (exact.has(s)) {
      return true;
    }
    for (let i = 0; i < patterns.length; i++) {
      if (patterns[i](s)) {
        return true;
      }
    }
    return false;
  };
  const hasText = strings.length > 0;
  return (value) => {
    if (hasText && (typeof value === 'string' ? matchesText(value) : otherEventValue(value, matchesText))) {
      return true;
    }
    for (let i = 0; i < rest.length; i++) {
      if (rest[i](value)) {
        return true;
      }
    }
    return false;
  };
}

/**
 * An event value that is not a string: an array matches when any element does; a number or
 * boolean compares by its JSON text, which is a guess, as the docs do not say. Arrays nested
 * deeper than any document may nest are not looked into: the event is a peer's to shape.
 */
function otherEventValue(value: unknown, matchesText: (s: string) => boolean, depth = 0): boolean {
  if (Array.isArray(value)) {
    return (
      depth < MAX_JSON_DEPTH &&
      value.some((element) =>
        typeof element === 'string' ? matchesText(element) : otherEventValue(element, matchesText, depth + 1),
      )
    );
  }
  return (typeof value === 'number' || typeof value === 'boolean') && matchesText(String(value));
}

function explain(condition: unknown, event: unknown, path: string[]): TraceLine[] {
  if (isJsonObject(condition)) {
    if (path.length && !isJsonObject(event)) {
      return [line(path, condition, event, false, 'nested object expected')];
    }
    const entries = Object.entries(condition);
    if (!entries.length) {
      return [line(path, condition, event, true, '{} matches everything')];
    }
    return entries.flatMap(([key, c]) => {
      const here = [...path, key];
      if (!isJsonObject(event) || !(key in event)) {
        return [line(here, c, MISSING, false, 'field missing from the event')];
      }
      return explain(c, event[key], here);
    });
  }
  const matched = compileValue(condition)(event);
  const rule = Array.isArray(condition)
    ? 'one of (arrays are OR)'
    : condition === '*'
      ? 'any value but null'
      : typeof condition === 'string' && hasWildcard(condition)
        ? 'wildcard'
        : 'exact';
  const result = line(path, condition, event, matched, rule);
  if (!matched && compileValue(lowerCase(condition))(lowerCase(event))) {
    return [
      { ...result, warning: 'Matches if letter case is ignored: matching is case-sensitive, as far as is known.' },
    ];
  }
  return [result];
}

export const MISSING = 'missing';

function line(path: string[], condition: unknown, event: unknown, matched: boolean, rule: string): TraceLine {
  return { path: path.join('.') || '(event)', condition, event: event === undefined ? MISSING : event, matched, rule };
}

function lowerCase(value: unknown, depth = 0): unknown {
  return typeof value === 'string'
    ? value.toLowerCase()
    : Array.isArray(value) && depth < MAX_JSON_DEPTH
      ? value.map((element) => lowerCase(element, depth + 1))
      : value;
}
