import { getNodeValue, Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import { tooDeepAt, tooDeepMessage } from '../json/jsonDepth';

/**
 * The `*.eventtest.json` format: one subject (a rule document, a condition or an OIC filter)
 * and named cases, each an input and the outcome expected of it. Paths are relative to the
 * test file. What is wrong is a problem at its place in the file, never a throw.
 */
export type TestSubject =
  | { readonly kind: 'rule' | 'condition' | 'filter'; readonly path: string }
  /** `text`: the condition as written in the test file, where its coverage is shown. */
  | { readonly kind: 'condition'; readonly inline: unknown; readonly text: string };

export type CaseInput =
  /** `span`: where the path is written, where a missing file is shown. */
  | { readonly kind: 'event' | 'payload'; readonly path: string; readonly span: Span }
  | { readonly kind: 'event'; readonly inline: Readonly<Record<string, unknown>> }
  | { readonly kind: 'payload'; readonly inline: string };

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TestCaseSpec {
  readonly name: string;
  readonly input: CaseInput;
  /** 'match' | 'no match' for an event; true | false for a payload. */
  readonly expect: 'match' | 'no match' | boolean;
  /** The case's object in the file: where its gutter icon and its failure go. */
  readonly span: Span;
}

export interface TestFileProblem extends Span {
  readonly message: string;
  /** The case it belongs to, by index, when it belongs to one: that case errors rather than runs. */
  readonly caseIndex?: number;
}

/** A case the file's problems keep from running: it errors, with its first problem as the reason. */
export interface InvalidCase {
  /** Its name, or `case N` when it has none. */
  readonly name: string;
  readonly span: Span;
  readonly message: string;
}

export interface ParsedTestFile {
  readonly subject?: TestSubject & { readonly span: Span };
  readonly cases: readonly TestCaseSpec[];
  readonly invalid: readonly InvalidCase[];
  readonly problems: readonly TestFileProblem[];
}

const SUBJECT_KEYS = ['rule', 'condition', 'filter'] as const;
const FILE_KEYS = new Set<string>([...SUBJECT_KEYS, 'cases']);
const CASE_KEYS = new Set(['name', 'event', 'payload', 'expect']);
/** A test file holds a few dozen cases; past this it is not a test file a person wrote. */
export const MAX_CASES = 10_000;

export function parseTestFile(text: string): ParsedTestFile {
  const problems: TestFileProblem[] = [];
  const whole = { start: 0, end: text.length };
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return {
      cases: [],
      invalid: [],
      problems: [{ start: deep, end: deep + 1, message: tooDeepMessage('test file') }],
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length || !root) {
    const error = errors[0];
    const at = error ? { start: error.offset, end: error.offset + Math.max(1, error.length) } : whole;
    return {
      cases: [],
      invalid: [],
      problems: [{ ...at, message: `Not valid JSON: ${error ? describeParseError(error) : 'the file is empty'}.` }],
    };
  }
  if (root.type !== 'object') {
    return {
      cases: [],
      invalid: [],
      problems: [
        {
          ...spanOf(root),
          message: 'A test file is a JSON object: { "rule" | "condition" | "filter": …, "cases": [ … ] }.',
        },
      ],
    };
  }
  const props = properties(root);
  for (const [key, prop] of props) {
    if (!FILE_KEYS.has(key)) {
      problems.push({
        ...spanOf(prop.key),
        message: `Unknown key "${key}": a test file has rule, condition or filter, and cases.`,
      });
    }
  }
  const subject = readSubject(text, props, root, problems);
  const { cases, invalid } = readCases(props.get('cases'), root, subject?.kind, problems);
  return { ...(subject ? { subject } : {}), cases, invalid, problems };
}

interface Prop {
  readonly key: Node;
  readonly value: Node;
}

function properties(object: Node): Map<string, Prop> {
  const map = new Map<string, Prop>();
  for (const prop of object.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (key && value && typeof key.value === 'string') {
      map.set(key.value, { key, value });
    }
  }
  return map;
}

function readSubject(
  text: string,
  props: Map<string, Prop>,
  root: Node,
  problems: TestFileProblem[],
): (TestSubject & { span: Span }) | undefined {
  const named = SUBJECT_KEYS.filter((key) => props.has(key));
  if (named.length === 0) {
    problems.push({
      ...firstLine(root),
      message: 'The test file names no subject: add "rule", "condition" or "filter".',
    });
    return undefined;
  }
  if (named.length > 1) {
    for (const key of named.slice(1)) {
      problems.push({
        ...spanOf(props.get(key)!.key),
        message: `A test file tests one subject: it already names "${named[0]}", so "${key}" is not read.`,
      });
    }
  }
  const kind = named[0];
  const { value } = props.get(kind)!;
  const span = spanOf(value);
  if (value.type === 'string' && (value.value as string).trim()) {
    return { kind, path: value.value as string, span };
  }
  if (kind === 'condition' && value.type === 'object') {
    return { kind, inline: getNodeValue(value) as unknown, text: text.slice(span.start, span.end), span };
  }
  problems.push({
    ...span,
    message:
      kind === 'condition'
        ? '"condition" is a path to a condition file, or the condition itself as an object.'
        : `"${kind}" is the path of the ${kind === 'rule' ? 'rule document' : 'filter'}, relative to this file.`,
  });
  return undefined;
}

function readCases(
  prop: Prop | undefined,
  root: Node,
  subject: TestSubject['kind'] | undefined,
  problems: TestFileProblem[],
): { cases: TestCaseSpec[]; invalid: InvalidCase[] } {
  const cases: TestCaseSpec[] = [];
  const invalid: InvalidCase[] = [];
  if (!prop) {
    problems.push({ ...firstLine(root), message: 'The test file has no "cases": add an array of cases.' });
    return { cases, invalid };
  }
  if (prop.value.type !== 'array') {
    problems.push({ ...spanOf(prop.value), message: '"cases" is an array of cases.' });
    return { cases, invalid };
  }
  const items = prop.value.children ?? [];
  if (items.length > MAX_CASES) {
    problems.push({
      ...spanOf(prop.key),
      message: `The file has ${items.length} cases, more than the ${MAX_CASES} one file may hold: split it.`,
    });
    return { cases, invalid };
  }
  const wants: 'event' | 'payload' | undefined = subject === 'filter' ? 'payload' : subject ? 'event' : undefined;
  const names = new Set<string>();
  items.forEach((item, caseIndex) => {
    const problem = (at: Node, message: string) => problems.push({ ...spanOf(at), message, caseIndex });
    if (item.type !== 'object') {
      const message = 'A case is an object: { "name": …, "event" | "payload": …, "expect": … }.';
      problem(item, message);
      invalid.push({ name: `case ${caseIndex + 1}`, span: spanOf(item), message });
      return;
    }
    const fields = properties(item);
    for (const [key, field] of fields) {
      if (!CASE_KEYS.has(key)) {
        problem(field.key, `Unknown key "${key}": a case has name, event or payload, and expect.`);
      }
    }
    const name = fields.get('name')?.value;
    const nameText = name?.type === 'string' ? (name.value as string).trim() : '';
    if (!nameText) {
      problem(name ?? item, 'A case needs a "name": the text the Testing view and the CLI show for it.');
    }
    const duplicate = Boolean(nameText) && names.has(nameText);
    if (duplicate) {
      problem(name!, `Another case is already named "${nameText}": names tell cases apart, so each must be its own.`);
    }
    names.add(nameText);
    const input = readInput(fields, item, wants, problem);
    const expect = readExpect(fields.get('expect'), item, input?.kind ?? wants, problem);
    const first = problems.find((p) => p.caseIndex === caseIndex);
    if (first) {
      invalid.push({
        name: nameText && !duplicate ? nameText : `case ${caseIndex + 1}`,
        span: spanOf(item),
        message: first.message,
      });
    } else if (nameText && input && expect !== undefined) {
      cases.push({ name: nameText, input, expect, span: spanOf(item) });
    }
  });
  return { cases, invalid };
}

function readInput(
  fields: Map<string, Prop>,
  item: Node,
  wants: 'event' | 'payload' | undefined,
  problem: (at: Node, message: string) => void,
): CaseInput | undefined {
  const event = fields.get('event');
  const payload = fields.get('payload');
  if (event && payload) {
    problem(payload.key, 'A case has an "event" or a "payload", not both.');
    return undefined;
  }
  const given = event ?? payload;
  if (!given) {
    problem(
      item,
      `A case needs ${wants === 'payload' ? 'a "payload"' : wants === 'event' ? 'an "event"' : 'an "event" or a "payload"'}: a path, relative to this file, or the input itself.`,
    );
    return undefined;
  }
  const kind = event ? 'event' : 'payload';
  if (wants && kind !== wants) {
    problem(
      given.key,
      wants === 'payload'
        ? 'A filter is tested with a "payload" (XML), not an "event".'
        : 'A rule or a condition is tested with an "event", not a "payload".',
    );
    return undefined;
  }
  const value = given.value;
  if (value.type === 'string') {
    const text = value.value as string;
    if (kind === 'payload' && text.trimStart().startsWith('<')) {
      return { kind, inline: text };
    }
    if (text.trim()) {
      return { kind, path: text, span: spanOf(value) };
    }
  }
  if (kind === 'event' && value.type === 'object') {
    return { kind, inline: getNodeValue(value) as Record<string, unknown> };
  }
  problem(
    value,
    kind === 'event'
      ? '"event" is a path to an event file, or the event itself as an object.'
      : '"payload" is a path to an XML file, or the XML itself as a string.',
  );
  return undefined;
}

function readExpect(
  prop: Prop | undefined,
  item: Node,
  kind: 'event' | 'payload' | undefined,
  problem: (at: Node, message: string) => void,
): TestCaseSpec['expect'] | undefined {
  const allowed = kind === 'payload' ? 'true or false' : '"match" or "no match"';
  if (!prop) {
    problem(item, `A case needs "expect": ${allowed}.`);
    return undefined;
  }
  const value = getNodeValue(prop.value) as unknown;
  if (kind === 'payload' ? typeof value === 'boolean' : value === 'match' || value === 'no match') {
    return value as TestCaseSpec['expect'];
  }
  problem(prop.value, `"expect" is ${allowed} here.`);
  return undefined;
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function firstLine(root: Node): Span {
  return { start: root.offset, end: root.offset + 1 };
}

function describeParseError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
