import { TextEdit } from './textEdits';

export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** A problem found in a document, at offsets into its text; each language has its own codes. */
export interface Finding<Code extends string = string> {
  /** Stable: tools and users may filter on it. */
  readonly code: Code;
  readonly severity: Severity;
  /** What is wrong and what to write instead. */
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  readonly fixes: readonly Fix[];
}
