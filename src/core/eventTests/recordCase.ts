import { modify, parseTree } from 'jsonc-parser';
import type { TextEdit } from '../text/textEdits';
import type { TestSubject } from './testFile';

/** A case as written in a test file. */
export interface CaseToRecord {
  readonly name: string;
  readonly event?: unknown;
  readonly payload?: string;
  readonly expect: 'match' | 'no match' | boolean;
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/**
 * The edit that appends a case to a test file's `cases`, keeping the rest of the text as the
 * user wrote it; a file with no `cases` array gets one. Undefined when the text is not an object.
 */
export function appendCase(text: string, recorded: CaseToRecord): TextEdit[] | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type !== 'object') {
    return undefined;
  }
  const cases = root.children?.find((p) => p.children?.[0]?.value === 'cases')?.children?.[1];
  const path = cases?.type === 'array' ? ['cases', cases.children?.length ?? 0] : ['cases'];
  const value = cases?.type === 'array' ? caseValue(recorded) : [caseValue(recorded)];
  return modify(text, path, value, { ...FORMAT, isArrayInsertion: true }).map((e) => ({
    offset: e.offset,
    length: e.length,
    newText: e.content,
  }));
}

/** A new test file of one subject, its path relative to the test file, and one case. */
export function newTestFileText(subject: Pick<TestSubject, 'kind'> & { path: string }, recorded: CaseToRecord): string {
  return `${JSON.stringify({ [subject.kind]: subject.path, cases: [caseValue(recorded)] }, null, 2)}\n`;
}

/** The keys in the order a reader wants them: what the case is, its input, what it expects. */
function caseValue(recorded: CaseToRecord): Record<string, unknown> {
  return {
    name: recorded.name,
    ...(recorded.event !== undefined ? { event: recorded.event } : { payload: recorded.payload }),
    expect: recorded.expect,
  };
}
