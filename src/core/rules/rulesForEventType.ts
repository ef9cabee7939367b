import { EventTypeCatalogue } from '../condition/catalogue';
import { namedEventTypesIn } from '../condition/conditionContext';
import { compile } from '../condition/matcher';
import { isTooDeep } from '../json/jsonDepth';
import { generatedSamples } from '../condition/sampleEvents';
import { wildcardMatcher } from '../condition/wildcard';

export interface RuleForEventType<R> {
  readonly rule: R;
  /** `names`: its condition lists the type (or a wildcard over it); `matches`: an event of the type passes it all the same. */
  readonly how: 'names' | 'matches';
}

/**
 * The rules among `rules` that an event of `eventType` concerns: those whose condition names
 * it, and those that match a generated event of that type without naming it (such as `{}`, or
 * a condition on `source` only). A condition that is not JSON, or nests too deep to match with, concerns nothing.
 */
export function rulesForEventType<R>(
  rules: readonly { rule: R; condition: string }[],
  eventType: string,
  catalogue: EventTypeCatalogue,
): RuleForEventType<R>[] {
  const [sample] = generatedSamples([eventType], catalogue, 1);
  const result: RuleForEventType<R>[] = [];
  for (const { rule, condition } of rules) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(condition);
    } catch {
      continue;
    }
    if (isTooDeep(parsed)) {
      continue;
    }
    if (namedEventTypesIn(parsed).some((named) => named === eventType || wildcardMatcher(named)(eventType))) {
      result.push({ rule, how: 'names' });
    } else if (sample && compile(parsed)(sample.event).matched) {
      result.push({ rule, how: 'matches' });
    }
  }
  return result;
}
