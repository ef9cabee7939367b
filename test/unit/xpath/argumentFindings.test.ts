import * as assert from 'assert';
import { staticType } from '../../../src/core/xpath/argumentFindings';
import { analyzeFilter } from '../../../src/core/xpath/analyzeFilter';
import { LIBRARY } from '../../../src/core/xpath/engine/library';
import { compileFilter } from '../../../src/core/xpath/evaluate';
import { arity, XPATH1_SIGNATURES } from '../../../src/core/xpath/functions';
import { parseExpression } from '../../../src/core/xpath/parser';

const filter = (expression: string) => `<xpathExpr xmlns:ns0="urn:x">${expression}</xpathExpr>`;

/** The argument and type findings of a filter, as [code, the text it marks, message]. */
function found(expression: string): [string, string, string][] {
  const text = filter(expression);
  return analyzeFilter(text)
    .findings.filter((f) => f.code === 'wrong-argument-count' || f.code === 'wrong-type')
    .map((f) => [f.code, text.slice(f.offset, f.offset + f.length), f.message]);
}

/** Section 4's argument counts, written out here rather than read from the code under test. */
const ARITY: [string, number, number][] = [
  ['last', 0, 0],
  ['position', 0, 0],
  ['count', 1, 1],
  ['id', 1, 1],
  ['local-name', 0, 1],
  ['namespace-uri', 0, 1],
  ['name', 0, 1],
  ['string', 0, 1],
  ['concat', 2, Infinity],
  ['starts-with', 2, 2],
  ['contains', 2, 2],
  ['substring-before', 2, 2],
  ['substring-after', 2, 2],
  ['substring', 2, 3],
  ['string-length', 0, 1],
  ['normalize-space', 0, 1],
  ['translate', 3, 3],
  ['boolean', 1, 1],
  ['not', 1, 1],
  ['true', 0, 0],
  ['false', 0, 0],
  ['lang', 1, 1],
  ['number', 0, 1],
  ['sum', 1, 1],
  ['floor', 1, 1],
  ['ceiling', 1, 1],
  ['round', 1, 1],
];

/** n node-set arguments, which every parameter takes: only the count can be wrong. */
const args = (n: number) => Array.from({ length: n }, (_, i) => `$eventPayload/ns0:a${i}`);

describe('argument findings: the count and type of every XPath 1.0 function’s arguments', () => {
  it('knows the 27 functions with the counts of section 4, as the evaluator does', () => {
    assert.deepStrictEqual(Object.keys(XPATH1_SIGNATURES).sort(), ARITY.map(([name]) => name).sort());
    for (const [name, min, max] of ARITY) {
      assert.deepStrictEqual(arity(XPATH1_SIGNATURES[name]), { min, max }, name);
      const engine = LIBRARY.get(name)!;
      assert.deepStrictEqual([engine.min, engine.max], [min, max], `the evaluator's ${name}`);
    }
  });

  for (const [name, min, max] of ARITY) {
    const range = min === max ? `${min}` : max === Infinity ? `${min} or more` : `${min} to ${max}`;
    it(`${name}() takes ${range}: the call is marked for fewer, the extra arguments for more`, () => {
      for (let n = min; n <= Math.min(max, min + 3); n++) {
        assert.deepStrictEqual(found(`${name}(${args(n).join(', ')})`), [], `${n} arguments`);
      }
      if (min > 0) {
        const call = `${name}(${args(min - 1).join(', ')})`;
        const [finding, ...more] = found(call);
        assert.deepStrictEqual(more, []);
        assert.deepStrictEqual(finding.slice(0, 2), ['wrong-argument-count', call]);
        assert.match(
          finding[2],
          new RegExp(`^${name}\\(\\) needs ${min} .*; this call gives ${min - 1 || 'none'}\\.$`),
        );
      }
      if (max !== Infinity) {
        for (const extra of [1, 2]) {
          const all = args(max + extra);
          const [finding, ...more] = found(`${name}(${all.join(', ')})`);
          assert.deepStrictEqual(more, []);
          assert.deepStrictEqual(finding.slice(0, 2), ['wrong-argument-count', all.slice(max).join(', ')]);
          assert.match(finding[2], new RegExp(`^${name}\\(\\) (needs|takes) .*; this call gives ${max + extra}\\.$`));
        }
      }
    });
  }

  it('says how many arguments a function needs, what they are, and how many the call gives', () => {
    assert.deepStrictEqual(found('substring($eventPayload/ns0:x)'), [
      [
        'wrong-argument-count',
        'substring($eventPayload/ns0:x)',
        'substring() needs 2 or 3 arguments (a string, a start and an optional length); this call gives 1.',
      ],
    ]);
    assert.deepStrictEqual(found('not()'), [
      ['wrong-argument-count', 'not()', 'not() needs 1 argument (the condition to negate); this call gives none.'],
    ]);
    assert.deepStrictEqual(found('concat("a")'), [
      [
        'wrong-argument-count',
        'concat("a")',
        'concat() needs 2 or more arguments (the strings to join); this call gives 1.',
      ],
    ]);
    assert.deepStrictEqual(found('true(1)'), [
      ['wrong-argument-count', '1', 'true() takes no arguments; this call gives 1.'],
    ]);
    assert.deepStrictEqual(found('name(., ..)'), [
      [
        'wrong-argument-count',
        '..',
        'name() takes at most 1 argument (an optional path, by default the context node); this call gives 2.',
      ],
    ]);
  });

  it('marks a value that can never be a node-set where a function needs one', () => {
    assert.deepStrictEqual(found('count(40)'), [
      ['wrong-type', '40', 'count() counts the nodes of a path; 40 is a number, not a path.'],
    ]);
    assert.deepStrictEqual(found('sum("a")'), [
      ['wrong-type', '"a"', 'sum() adds up the values of the nodes of a path; "a" is a string, not a path.'],
    ]);
    assert.deepStrictEqual(found('name(1)'), [
      ['wrong-type', '1', 'name() gives the name of the first node of a path; 1 is a number, not a path.'],
    ]);
    const cases: [string, string, string][] = [
      ['local-name($eventPayload = 1)', '$eventPayload = 1', 'true or false'],
      ['namespace-uri(concat("a", "b"))', 'concat("a", "b")', 'a string'],
      ['count(1 + 2)', '1 + 2', 'a number'],
      ['count((1 + 2))', '(1 + 2)', 'a number'],
      ['count(-$eventPayload)', '-$eventPayload', 'a number'],
      ['count(string($eventPayload))', 'string($eventPayload)', 'a string'],
      ['sum(count($eventPayload))', 'count($eventPayload)', 'a number'],
      ['count($eventPayload and true())', '$eventPayload and true()', 'true or false'],
      ['count($eventPayload/ns0:x[count(1) = 1])', '1', 'a number'],
    ];
    for (const [expression, marked, type] of cases) {
      const [finding, ...more] = found(expression);
      assert.deepStrictEqual(more, [], expression);
      assert.deepStrictEqual(finding.slice(0, 2), ['wrong-type', marked], expression);
      assert.ok(finding[2].endsWith(`; ${marked} is ${type}, not a path.`), finding[2]);
    }
  });

  it('marks a step, a predicate or a union applied to what is not a node-set', () => {
    assert.deepStrictEqual(found('"abc"/ns0:Qty'), [
      ['wrong-type', '"abc"', 'A path continues only from nodes; "abc" is a string, not a path.'],
    ]);
    assert.deepStrictEqual(found('(1+2)/ns0:x'), [
      ['wrong-type', '(1+2)', 'A path continues only from nodes; (1+2) is a number, not a path.'],
    ]);
    assert.deepStrictEqual(found('count($eventPayload/ns0:x)[1]'), [
      [
        'wrong-type',
        'count($eventPayload/ns0:x)',
        'A predicate [ ] filters the nodes of a path; count($eventPayload/ns0:x) is a number, not a path.',
      ],
    ]);
    assert.deepStrictEqual(found('"a" | $eventPayload'), [
      ['wrong-type', '"a"', `'|' joins the nodes of two paths; "a" is a string, not a path.`],
    ]);
    assert.deepStrictEqual(found('string($eventPayload)//ns0:x'), [
      [
        'wrong-type',
        'string($eventPayload)',
        'A path continues only from nodes; string($eventPayload) is a string, not a path.',
      ],
    ]);
  });

  it('finds nothing wrong with valid calls', () => {
    for (const expression of [
      'concat("a","b","c")',
      'substring("abc", 2)',
      'substring("abc", 2, 1)',
      'count($eventPayload/ns0:x)',
      'name()',
      'string()',
      'number()',
      'lang("en")',
      'count(($eventPayload/ns0:a | $eventPayload/ns0:b))',
      'count($eventPayload[1]/ns0:x)',
      'sum(id("x"))',
      'id("x")/ns0:a',
      'name(.) = local-name(..)',
      'count(*) + count(@*) + count(//ns0:x)',
      'boolean(1) and not(0) and number("1") = floor("1.5") and string(1) = "1"',
      'starts-with($eventPayload/ns0:a, 1) or contains(1, true())',
      'count($eventPayload/ns0:a[position() = last()])',
    ]) {
      assert.deepStrictEqual(found(expression), [], expression);
    }
  });

  it('evaluates valid calls, with the values section 4 gives them', () => {
    for (const expression of [
      'concat("a", "b", "c") = "abc"',
      'substring("abc", 2) = "bc"',
      'count($eventPayload/ns0:x) = 0',
      'name() = "ns0:onEvent"',
      'string() = ""',
      'string(number()) = "NaN"',
      'not(lang("en"))',
      'count(id("a b")) = 0',
      'boolean($eventPayload | $eventPayload/..)',
    ]) {
      assert.deepStrictEqual(found(expression), [], expression);
      const compiled = compileFilter(filter(expression));
      assert.ok(compiled.ok, expression);
      assert.strictEqual(compiled.evaluate('<ns0:onEvent xmlns:ns0="urn:x"/>').value, true, expression);
    }
  });

  it('leaves a function XPath 1.0 lacks to its own finding', () => {
    const codes = analyzeFilter(filter('count(foo(1)) = upper-case("a", "b")')).findings.map((f) => f.code);
    assert.ok(codes.includes('unknown-function') && codes.includes('xpath2-syntax'), codes.join());
    assert.ok(!codes.includes('wrong-argument-count') && !codes.includes('wrong-type'), codes.join());
  });

  it('marks an argument through entity-encoded text, and names it decoded', () => {
    const text = filter('count(\n  1 &gt; 2)');
    const [finding] = analyzeFilter(text).findings.filter((f) => f.code === 'wrong-type');
    assert.strictEqual(text.slice(finding.offset, finding.offset + finding.length), '1 &gt; 2');
    assert.strictEqual(finding.message, 'count() counts the nodes of a path; 1 > 2 is true or false, not a path.');
  });

  it('makes each an error that stops evaluation, before any payload', () => {
    for (const [expression, code] of [
      ['count(40) = 1', 'wrong-type'],
      ['substring($eventPayload) = "a"', 'wrong-argument-count'],
      ['"abc"/ns0:Qty', 'wrong-type'],
    ]) {
      const compiled = compileFilter(filter(expression));
      assert.strictEqual(compiled.ok, false, expression);
      const refusal = compiled.analysis.findings.find((f) => f.code === code)!;
      assert.strictEqual(refusal.severity, 'error');
      assert.strictEqual(!compiled.ok && compiled.error, refusal.message);
    }
  });

  it('types each form of expression as XPath 1.0 does', () => {
    const typeOf = (expression: string) => staticType(parseExpression(expression).tree!);
    assert.deepStrictEqual(
      [
        '"a"',
        '1',
        '-1',
        '1 + 1',
        '1 mod 2',
        'a = 1',
        'a or b',
        'a | b',
        '$x',
        '$x[1]',
        'a/b',
        '/',
        'count(a)',
        'id("x")',
        'substring-before("a", "b")',
        'lang("en")',
        'foo()',
      ].map(typeOf),
      [
        'string',
        'number',
        'number',
        'number',
        'number',
        'boolean',
        'boolean',
        'node-set',
        'node-set',
        'node-set',
        'node-set',
        'node-set',
        'number',
        'node-set',
        'string',
        'boolean',
        undefined,
      ],
    );
  });
});
