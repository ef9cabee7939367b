import * as assert from 'assert';
import fc from 'fast-check';
import {
  analyzeFilter,
  buildFusionEventPayload,
  compileFilter,
  newFilterText,
  referenceCatalog,
} from '../../src/core/xpath';
import { poFilter, poPayload, SEED_FILTER } from '../unit/xpath/fixtures';
import { assertInside, assertLinear, deterministic, fuzz } from './fuzzRun';
import { mutated, nested, textInputs } from './textInputs';

const events = referenceCatalog();
const event = fc.constantFrom(...events);

const step = fc.constantFrom(
  'ns0:Value',
  'ns2:result',
  'ns0:Total',
  '*',
  '..',
  '.',
  'text()',
  'node()',
  'ns0:PurchaseOrderLine',
);
const path = fc.array(step, { minLength: 1, maxLength: 5 }).map((steps) => `$eventPayload/${steps.join('/')}`);
const literal = fc.oneof(
  fc.integer().map(String),
  fc.stringMatching(/^[A-Za-z ]{0,8}$/).map((s) => `"${s}"`),
);
/** XPath 1.0 expressions over the PO payload: comparisons, functions, and/or, unions, predicates. */
const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    path,
    literal,
    fc.tuple(path, fc.constantFrom('=', '!=', '<', '>=', '|'), literal).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc
      .tuple(
        fc.constantFrom(
          'contains',
          'starts-with',
          'concat',
          'not',
          'count',
          'string-length',
          'translate',
          'upper-case',
        ),
        fc.array(tie('expr'), { maxLength: 3 }),
      )
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    fc
      .tuple(tie('expr'), fc.constantFrom(' and ', ' or ', ' + ', ' div '), tie('expr'))
      .map(([a, op, b]) => `(${a}${op}${b})`),
    fc.tuple(path, tie('expr')).map(([p, e]) => `${p}[${e}]`),
  ),
})).expr;

const validFilter = fc.oneof(
  expression.map(poFilter),
  expression,
  event.map((e) => newFilterText(e).text),
  fc.constant(SEED_FILTER),
);
const filters = textInputs(
  validFilter,
  fc.oneof(
    nested('(', '1', ')'),
    nested('not(', '1', ')'),
    nested('$eventPayload/a[', '1', ']').map(poFilter),
    nested('<a>', 'x', '</a>'),
  ),
);
const payloads = fc.oneof(
  fc.constant(poPayload()),
  mutated(fc.constant(poPayload())),
  event.map((e) => buildFusionEventPayload(e)),
  mutated(event.map((e) => buildFusionEventPayload(e))),
  nested('<ns0:Value xmlns:ns0="x">', 'v', '</ns0:Value>'),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

describe('fuzz: XPath analysis and evaluation', () => {
  it('analyses any filter without throwing, with findings inside the text, the same twice', () => {
    fuzz('XPath', 2_000, filters, (text) => {
      const findings = deterministic(() => analyzeFilter(text, events).findings);
      assertInside(
        text,
        findings.flatMap((f) => [f, ...f.fixes.flatMap((fix) => fix.edits)]),
      );
    });
  });

  it('evaluates any compiled filter against any payload without throwing, the same twice', () => {
    fuzz('XPath', 300, fc.tuple(filters, payloads), ([text, payload]) => {
      const compiled = compileFilter(text, events);
      if (!compiled.ok) {
        assert.ok(compiled.error.length > 0);
        return;
      }
      const result = deterministic(() => compiled.evaluate(payload));
      assert.ok(result.error !== undefined || typeof result.value === 'boolean', 'neither a value nor an error');
    });
  });

  it('grows linearly with the filter and the payload', () => {
    assertLinear(
      'XPath analysis, or-chain',
      (n) => poFilter(Array.from({ length: n / 40 }, () => '$eventPayload/ns2:result = "x"').join(' or ')),
      (text) => analyzeFilter(text, events),
    );
    // Decoding once sliced the rest of the text at every '&', and kept a map entry per character.
    assertLinear(
      'XPath analysis, references',
      (n) => poFilter(`$eventPayload/ns2:result = "${'&amp;&&lt;'.repeat(n / 10)}"`),
      (text) => analyzeFilter(text, events),
    );
    const compiled = compileFilter(poFilter('$eventPayload/ns2:result/ns0:Value/ns0:Total > 100'), events);
    assert.ok(compiled.ok);
    const lines = (n: number) =>
      '<ns0:PurchaseOrderLine><ns0:ItemDescription>x</ns0:ItemDescription></ns0:PurchaseOrderLine>'.repeat(n / 90);
    assertLinear(
      'XPath evaluation, payload',
      (n) =>
        poPayload({
          item: `</ns0:ItemDescription></ns0:PurchaseOrderLine>${lines(n)}<ns0:PurchaseOrderLine><ns0:ItemDescription>`,
        }),
      (payload) => compiled.evaluate(payload),
    );
  });
});
