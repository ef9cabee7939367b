import type { Span } from './testFile';

/** One unit of a subject's clause coverage, at its place in the subject's file. */
export interface CoverageItem extends Span {
  /** The clause as a user reads it: `data.resourceName: "file_chunk/*VAULT*"`, or a filter's operand. */
  readonly label: string;
  readonly covered: boolean;
  /** For an item not covered: the case that would cover it, in a sentence. */
  readonly missing?: string;
}

/** The clause coverage of one subject by the passing cases of the files that test it. */
export interface SubjectCoverage {
  /** The subject's file, as the test file names it; none for a condition written inline in the test file. */
  readonly path?: string;
  readonly items: readonly CoverageItem[];
}

/** Items of the same subject, from several test files: an item is covered when any file covers it. */
export function mergeCoverageItems(lists: readonly (readonly CoverageItem[])[]): CoverageItem[] {
  const merged = new Map<string, CoverageItem>();
  for (const item of lists.flat()) {
    const key = `${item.start}:${item.end}:${item.label}`;
    const known = merged.get(key);
    if (!known || (!known.covered && item.covered)) {
      merged.set(key, item);
    }
  }
  return [...merged.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** "5 of 7 clauses covered (71%)": the figure a run prints per subject. */
export function coverageSummary(items: readonly CoverageItem[]): string {
  const covered = items.filter((i) => i.covered).length;
  return items.length
    ? `${covered} of ${items.length} clauses covered (${Math.floor((covered / items.length) * 100)}%)`
    : 'no clauses to cover';
}
