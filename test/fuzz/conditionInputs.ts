import fc from 'fast-check';

/** A condition as OCI takes it: objects of named fields; string values, `*` wildcards, arrays as OR. */
export type Condition = { [key: string]: ConditionValue };
type ConditionValue = string | string[] | Condition;

const key = fc.oneof(
  fc.constantFrom(
    'eventType',
    'source',
    'data',
    'compartmentName',
    'resourceName',
    'additionalDetails',
    'freeformTags',
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/),
);
const text = fc.oneof(fc.stringMatching(/^[a-z0-9.]{1,20}$/), fc.string({ unit: 'grapheme', maxLength: 12 }));
/** A value with wildcards: text parts joined by `*`. */
const pattern = fc.array(text, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('*'));
const leaf = fc.oneof(text, pattern, fc.constant('*'));

export const conditionArbitrary: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition; value: ConditionValue }>(
  (tie) => ({
    condition: fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(leaf, { minLength: 1, maxLength: 4 }),
      tie('condition'),
    ),
  }),
).condition;

/**
 * An event the condition must match, built from it: each field present; an array's value one of
 * its options; a wildcard's `*`s filled with `fill`; a lone `*` any value but null.
 */
export function eventFor(condition: Condition, choice: number, fill: string): Record<string, unknown> {
  const value = (c: ConditionValue, i: number): unknown => {
    if (Array.isArray(c)) return value(c[(choice + i) % c.length], i + 1);
    if (typeof c === 'object') return eventFor(c, choice + i, fill);
    if (c === '*') return fill;
    return c.split('*').join(fill);
  };
  return Object.fromEntries(Object.entries(condition).map(([k, c], i) => [k, value(c, i)]));
}

export const validConditionText = conditionArbitrary.chain((c) =>
  fc.constantFrom(JSON.stringify(c), JSON.stringify(c, null, 2)),
);
