import * as assert from 'assert';
import { analyzeFilter } from '../../../src/core/xpath/analyzeFilter';
import { compileFilter } from '../../../src/core/xpath/evaluate';
import { XPATH1_FUNCTIONS } from '../../../src/core/xpath/functions';
import { parseExpression } from '../../../src/core/xpath/parser';

const wrap = (expression: string) => `<xpathExpr xmlns:ns0="urn:x">${expression}</xpathExpr>`;
/** The argument and type findings, each with the text it marks. */
function marked(expression: string): string[] {
  const text = wrap(expression);
  return analyzeFilter(text)
    .findings.filter((f) => f.code === 'wrong-argument-count' || f.code === 'wrong-type')
    .map((f) => `${f.code} [${text.slice(f.offset, f.offset + f.length)}] ${f.message}`);
}

/** Too few and too many arguments for every function, from its signature: [name, fewest, most]. */
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

describe('XPath filter findings on function arguments', () => {
  it('covers all 27 functions of XPath 1.0', () => {
    assert.deepStrictEqual(ARITY.map(([name]) => name).sort(), Object.keys(XPATH1_FUNCTIONS).sort());
  });

  for (const [name, fewest, most] of ARITY) {
    it(`${name}(): no finding from ${fewest} to ${Math.min(most, 4)} arguments, one outside, at the call or the extra arguments`, () => {
      const args = (n: number) => Array.from({ length: n }, () => '$eventPayload/ns0:x').join(', ');
      for (let n = fewest; n <= Math.min(most, 4); n++) {
        assert.deepStrictEqual(
          marked(`${name}(${args(n)})`).filter((m) => m.startsWith('wrong-argument-count')),
          [],
          `${n}`,
        );
      }
      if (fewest > 0) {
        const call = `${name}(${args(fewest - 1)})`;
        const [finding] = marked(call);
        assert.ok(finding.startsWith(`wrong-argument-count [${call}] ${name}() takes ${fewest}`), finding);
        assert.match(finding, new RegExp(`this call gives ${fewest - 1}\\.$`));
      }
      if (most !== Infinity) {
        const [finding] = marked(`${name}(${args(most + 2)})`);
        const extra = Array.from({ length: 2 }, () => '$eventPayload/ns0:x').join(', ');
        assert.ok(finding.startsWith(`wrong-argument-count [${extra}] ${name}() takes `), finding);
      }
    });
  }

  it('marks a value that can never be a node-set where a path is needed, at the value', () => {
    assert.deepStrictEqual(marked('count(40) &gt; 1'), [
      'wrong-type [40] count() reads the nodes of a path; 40 is a number, not a path.',
    ]);
    assert.deepStrictEqual(marked('"abc"/ns0:Qty'), [
      'wrong-type ["abc"] \'/\' goes from the nodes of a path to their children; "abc" is a string, not a path.',
    ]);
    assert.deepStrictEqual(marked('count($eventPayload/ns0:x)[1]'), [
      'wrong-type [count($eventPayload/ns0:x)] A predicate [...] filters the nodes of a path; count($eventPayload/ns0:x) is a number, not a path.',
    ]);
    assert.deepStrictEqual(marked('sum("a") + 1'), [
      'wrong-type ["a"] sum() reads the nodes of a path; "a" is a string, not a path.',
    ]);
    assert.deepStrictEqual(marked('name(1 = 1)'), [
      'wrong-type [1 = 1] name() reads the nodes of a path; 1 = 1 is a boolean, not a path.',
    ]);
    assert.deepStrictEqual(marked('(1 + 2)/ns0:x | $eventPayload'), [
      "wrong-type [(1 + 2)] '/' goes from the nodes of a path to their children; (1 + 2) is a number, not a path.",
    ]);
  });

  it('finds nothing in valid calls, and evaluates them', () => {
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
      assert.deepStrictEqual(marked(expression), [], expression);
      const filter = compileFilter(wrap(expression));
      assert.ok(filter.ok, expression);
      assert.strictEqual(filter.evaluate('<ns0:onEvent xmlns:ns0="urn:x"/>').value, true, expression);
    }
  });

  it('refuses to evaluate a filter with a wrong argument, naming it', () => {
    const filter = compileFilter(wrap('substring($eventPayload/ns0:x)'));
    assert.ok(!filter.ok);
    assert.match(
      filter.error,
      /substring\(\) takes 2 or 3 arguments \(string, number, number\?\); this call gives 1\./,
    );
  });
});

describe('XPath syntax errors in words a user understands', () => {
  const CASES: [string, string, string][] = [
    // [expression, the text marked (empty at the end), the message]
    ['a > > 1', '>', "A value is missing after '>'."],
    ['> 1', '>', "A value or a path is missing before '>'."],
    ['count(a,)', ')', "An argument is missing after ','."],
    ['a[]', ']', 'The predicate [] is empty: write a condition inside it, such as [ns0:Status = "OPEN"].'],
    ['a == 1', '=', "'==' is not an XPath operator: write '='."],
    ['a || b', '|', "'||' is not an XPath operator: write 'or'."],
    ['1 +', '', "The expression ends early: a value is missing after '+'."],
    ['a and', '', "The expression ends early: a value is missing after 'and'."],
    [
      'foo bar',
      'bar',
      "'bar' follows 'foo' with no operator between them: join them with one (=, and, or, +, …) or with '/' between steps.",
    ],
    ['ns0: = 1', 'ns0:', 'A name or * is missing after "ns0:".'],
    ['(a', '', "The expression ends early: a closing ')' is missing."],
    ['a[1', '', "The expression ends early: a closing ']' is missing: a predicate ends with ']'."],
    ['a)', ')', "')' closes nothing: there is no '(' open before it."],
    [
      'a/',
      '',
      "The expression ends early: a step is missing after '/': write a name such as ns0:Total, or *, @name, '.' or '..'.",
    ],
    ['@', '', "The expression ends early: an attribute name is missing after '@'."],
    ['"abc', '"abc', 'The string that starts here is not closed: add its closing ".'],
    ['!a', '!', '"!" is not an XPath operator: write "!=" or not(…).'],
    [
      'children::a',
      'children',
      '"children" is not an axis: write one of ancestor, ancestor-or-self, attribute, child, descendant, descendant-or-self, following, following-sibling, namespace, parent, preceding, preceding-sibling, self.',
    ],
  ];
  for (const [expression, at, message] of CASES) {
    it(`${expression} → ${message}`, () => {
      const problem = parseExpression(expression).problem!;
      assert.deepStrictEqual([expression.slice(problem.start, problem.end), problem.message], [at, message]);
    });
  }

  it('gives "ns0: = 1" only its syntax error, not a warning that a step has no prefix', () => {
    assert.deepStrictEqual(
      analyzeFilter(wrap('ns0: = 1')).findings.map((f) => f.code),
      ['xpath-syntax'],
    );
  });
});
