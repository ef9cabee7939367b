import fc from 'fast-check';

/** Characters that break naive code: NUL, lone surrogates, BOM, line ends, JSON and XML syntax, wide and joined characters. */
const ODD = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  '\r\n',
  '\r',
  '\n',
  '\u2028',
  '\t',
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '*',
  '<',
  '>',
  '&',
  '=',
  '/',
  '😀',
  'é',
  'e\u0301',
  '\u202E',
];

export const oddText = fc.oneof(
  fc.constantFrom(...ODD),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ maxLength: 8 }),
);

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; times: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: oddText }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 20 }),
    times: fc.integer({ min: 1, max: 50 }),
  }),
);

function applyEdit(text: string, e: Edit): string {
  const at = text.length ? e.at % (text.length + 1) : 0;
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + e.length).repeat(e.times + 1) + text.slice(at + e.length);
  }
}

/** A valid text with characters inserted, deleted and duplicated, and sometimes a BOM, CRLF line ends or a huge run. */
export function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      valid,
      fc.array(edit, { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      fc.boolean(),
      fc.option(fc.tuple(fc.nat(), oddText, fc.integer({ min: 1_000, max: 50_000 })), { freq: 20 }),
    )
    .map(([text, edits, bom, crlf, huge]) => {
      let out = edits.reduce(applyEdit, text);
      if (crlf) out = out.replace(/\n/g, '\r\n');
      if (huge) out = applyEdit(out, { kind: 'insert', at: huge[0], text: (huge[1] || 'x').repeat(huge[2]) });
      return bom ? `\uFEFF${out}` : out;
    });
}

/** `open` repeated `depth` times around `inner`, then the matching `close`s: what overflows a recursive reader. */
export function nested(open: string, inner: string, close: string): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: 5_000 }).map((depth) => `${open.repeat(depth)}${inner}${close.repeat(depth)}`);
}

/** The three kinds of input every text target gets: random, mutated valid, and valid; plus deep nesting. */
export function textInputs(valid: fc.Arbitrary<string>, deep: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), weight: 1 },
    { arbitrary: mutated(valid), weight: 5 },
    { arbitrary: valid, weight: 2 },
    { arbitrary: deep, weight: 1 },
  );
}
