import type { ParsedTestFile, Span } from './testFile';

export interface NamedFile {
  readonly path: string;
  /** Where the path is written in the test file. */
  readonly span: Span;
  readonly what: 'rule document' | 'condition' | 'filter' | 'event' | 'payload';
}

/** The files a test file names, relative to it: its subject's and its cases' inputs, each path once. */
export function namedFiles(parsed: ParsedTestFile): NamedFile[] {
  const named: NamedFile[] = [];
  const seen = new Set<string>();
  const add = (file: NamedFile) => {
    if (!seen.has(file.path)) {
      seen.add(file.path);
      named.push(file);
    }
  };
  const subject = parsed.subject;
  if (subject && 'path' in subject) {
    add({ path: subject.path, span: subject.span, what: subject.kind === 'rule' ? 'rule document' : subject.kind });
  }
  for (const spec of parsed.cases) {
    if ('path' in spec.input) {
      add({ path: spec.input.path, span: spec.input.span, what: spec.input.kind });
    }
  }
  return named;
}
