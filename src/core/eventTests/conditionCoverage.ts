import { getNodeValue, Node } from 'jsonc-parser';
import { compile, Matcher, TraceLine } from '../condition/matcher';
import { hasWildcard } from '../condition/wildcard';
import { MAX_JSON_DEPTH } from '../json/jsonDepth';
import { conditionClauses } from './conditionClauses';
import type { CoverageItem } from './coverage';
import type { Span } from './testFile';

interface Alternative {
  readonly item: CoverageItem;
  readonly matches: Matcher;
}

/**
 * The clause coverage of a condition. A clause (a field and the value it wants) is covered when
 * a passing "no match" case fails on it alone: only then does the case guard that clause, since
 * with two failing clauses removing either one still fails. An alternative of an array, and a
 * wildcard, is covered when a passing "match" case matched it.
 */
export class ConditionCoverage {
  private readonly clauses = new Map<string, CoverageItem>();
  private readonly alternatives = new Map<string, Alternative[]>();
  private readonly covered = new Set<CoverageItem>();

  /**
   * `text` is the condition as written; `place` maps a range of it to its place in the file
   * where coverage is shown (a condition inside a JSON string maps everything to that string).
   */
  /** Built after the condition compiled, so its depth is within the matcher's bound. */
  constructor(text: string, place: (span: Span) => Span) {
    for (const { path, property, value } of conditionClauses(text)) {
      this.clauses.set(path, {
        ...place({ start: property.offset, end: property.offset + property.length }),
        label: `${path}: ${textOf(value)}`,
        covered: false,
        missing: 'no passing "no match" case fails on this clause alone',
      });
      const options = value.type === 'array' ? (value.children ?? []) : isWildcard(value) ? [value] : [];
      this.alternatives.set(
        path,
        options.map((option) => ({
          item: {
            ...place({ start: option.offset, end: option.offset + option.length }),
            label: `${path}: ${textOf(option)}${value.type === 'array' ? ' (an alternative)' : ' (a wildcard)'}`,
            covered: false,
            missing: 'no passing "match" case matched it',
          },
          matches: compile([getNodeValue(option)]),
        })),
      );
    }
  }

  /** Records a case that passed, with the matcher's trace of its event. */
  record(expect: 'match' | 'no match', trace: readonly TraceLine[]): void {
    if (expect === 'no match') {
      const failing = trace.filter((line) => !line.matched);
      const clause = failing.length === 1 ? this.clauses.get(failing[0].path) : undefined;
      if (clause) {
        this.covered.add(clause);
      }
      return;
    }
    for (const line of trace) {
      for (const alternative of this.alternatives.get(line.path) ?? []) {
        if (!this.covered.has(alternative.item) && alternative.matches(line.event).matched) {
          this.covered.add(alternative.item);
        }
      }
    }
  }

  items(): CoverageItem[] {
    const all = [...this.clauses.values(), ...[...this.alternatives.values()].flat().map((a) => a.item)];
    return all
      .map((item) =>
        this.covered.has(item) ? { start: item.start, end: item.end, label: item.label, covered: true } : item,
      )
      .sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

function isWildcard(node: Node): boolean {
  return node.type === 'string' && node.value !== '*' && hasWildcard(node.value as string);
}

function textOf(node: Node, depth = 0): string {
  return node.type === 'array'
    ? depth < MAX_JSON_DEPTH
      ? `[${(node.children ?? []).map((child) => textOf(child, depth + 1)).join(', ')}]`
      : '[…]'
    : node.type === 'object'
      ? '{…}'
      : JSON.stringify(node.value ?? null);
}
