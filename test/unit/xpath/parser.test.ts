import * as assert from 'assert';
import { parseExpression } from '../../../src/core/xpath/parser';
import { tokenize } from '../../../src/core/xpath/tokenizer';

describe('XPath 1.0 lexer and parser', () => {
  it('tells * and div as operators from the same text as names, by what precedes them (XPath 1.0, 3.7)', () => {
    const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
    assert.deepStrictEqual(kinds('div * div'), ['name:div', 'operator:*', 'name:div']);
    assert.deepStrictEqual(kinds('a/*'), ['name:a', 'operator:/', 'name:*']);
    assert.deepStrictEqual(kinds('$x div 2'), ['variable:$x', 'operatorName:div', 'number:2']);
  });

  it('keeps positions of names, prefixes and variables, and lists the paths outside predicates', () => {
    const text = 'count($e/a:b[c:d = 1]) > 2 and contains(string($e//x), "y")';
    const parsed = parseExpression(text);
    assert.strictEqual(parsed.problem, undefined);
    assert.deepStrictEqual(
      parsed.paths.map((p) => text.slice(p.start, p.end)),
      ['$e/a:b[c:d = 1]', '$e//x'],
    );
    assert.deepStrictEqual(
      parsed.nameTests.map((n) => [n.prefix, n.local, text.slice(n.start, n.end)]),
      [
        ['a', 'b', 'a:b'],
        ['c', 'd', 'c:d'],
        [undefined, 'x', 'x'],
      ],
    );
    assert.deepStrictEqual(
      parsed.functions.map((f) => `${f.local}/${f.argumentCount}`),
      ['count/1', 'string/1', 'contains/2'],
    );
  });

  // [expression, the text the problem marks ('' at the end), message, what a fix writes instead]
  const PROBLEMS: [string, string, string, string?][] = [
    ['a > >', '>', "A value is missing after '>'."],
    ['> 1', '>', "A value is missing before '>'."],
    ['1 +', '', "A value is missing after '+'."],
    ['a and', '', "A value is missing after 'and'."],
    ['count(x,)', ')', "An argument is missing after ','."],
    ['count(,x)', ',', "An argument is missing before ','."],
    ['a[]', '[]', 'The predicate [] is empty: write a condition inside it.'],
    ['()', '()', 'The parentheses () are empty: write a value inside them.'],
    ['a == 1', '==', "'==' is not an XPath operator: write '='.", '='],
    ['a <> 1', '<>', "'<>' is not an XPath operator: write '!='.", '!='],
    ['a =< 1', '=<', "'=<' is not an XPath operator: write '<='.", '<='],
    ['a || b', '||', "'||' is not an XPath operator: write 'or'.", 'or'],
    ['a && b', '&&', "'&&' is not an XPath operator: write 'and'.", 'and'],
    ['a AND b', 'AND', "'AND' is not an XPath operator: write 'and' (XPath's operators are lowercase).", 'and'],
    ['a % 2', '%', "'%' is not an XPath operator: write 'mod'.", 'mod'],
    ['a&&b', '&&', "'&&' is not an XPath operator: write 'and'.", ' and '],
    ['a==1', '==', "'==' is not an XPath operator: write '='.", ' = '],
    ['!a', '!', `'!' is not an XPath operator: write '!=' for "not equal", or not(…) to negate a condition.`],
    ['$x/a/2', '/', "'/' separates the steps of a path: to divide, write 'div'.", ' div '],
    [
      'foo bar',
      'bar',
      "An operator is missing between 'foo' and 'bar': write one, such as =, and or or, or join steps with '/'.",
    ],
    ['count(x) y', 'y', "An operator is missing before 'y': write one, such as =, and or or, or join steps with '/'."],
    [
      'concat("a" "b")',
      '"b"',
      'Something is missing between "a" and "b": a \',\' between arguments, or an operator such as = or and.',
    ],
    ['ns0: = 1', 'ns0:', "A name is missing after 'ns0:': write ns0:Name, or ns0:* for any element in that namespace."],
    ['a:b:c', 'a:b:', "A name holds at most one ':', between its prefix and its local name (ns0:Status)."],
    ['$x/', '', "A name is missing after '/': write the element or attribute to select, such as ns0:Status, @id or *."],
    ['$x/"a"', '"a"', `"a" cannot follow '/': write the element or attribute to select, such as ns0:Status, @id or *.`],
    ['$x/@', '', "A name is missing after '@': write the attribute's name, such as @currencyCode, or @* for any."],
    ['child::', '', "A name is missing after 'child::': write a name, *, text() or node()."],
    ['a |', '', "A path is missing after '|': it joins the nodes of two paths."],
    ['(1 + 2', '', "A ')' is missing: the '(' is not closed."],
    ['count(x', '', "A ')' is missing: count( is not closed."],
    ['a[1', '', "A ']' is missing: the predicate '[' is not closed."],
    ['a[', '', "The expression ends after '[': a condition and a ']' are missing."],
    ['(', '', "The expression ends after '(': a value and a ')' are missing."],
    ['a[(1]', ']', "A ')' is missing before ']': the '(' is not closed."],
    ['a[1)', ')', "A ']' is missing before ')': the predicate '[' is not closed."],
    ['a)', ')', "There is no '(' for this ')'."],
    [']', ']', "There is no '[' for this ']'."],
    ['a, b', ',', "',' separates the arguments of a function, such as concat(a, b); it cannot stand here."],
    ['text(1)', '1', 'text() takes nothing between its parentheses: write text().'],
    ['text(', '', "A ')' is missing: write text()."],
    ['chlid::a', 'chlid', "'chlid' is not an axis: did you mean child::?", 'child'],
    [
      'children::a',
      'children',
      "'children' is not an axis: write one of ancestor, ancestor-or-self, attribute, child, descendant, descendant-or-self, following, following-sibling, namespace, parent, preceding, preceding-sibling, self.",
    ],
    ['"Lan', '"Lan', 'The string "Lan is not closed: end it with ".'],
    ['$ x', '$', "A variable's name is missing after '$': OIC binds one variable, $eventPayload."],
    ['a # b', '#', `The character '#' has no meaning in XPath outside a string ("…"): remove it, or quote it.`],
    [
      '',
      '',
      'The expression is empty: write a condition on $eventPayload, such as $eventPayload/ns0:Status = "APPROVED".',
    ],
  ];

  for (const [expression, marked, message, replacement] of PROBLEMS) {
    it(`says what is wrong with ${JSON.stringify(expression)} in words, at ${JSON.stringify(marked)}`, () => {
      const problem = parseExpression(expression).problem;
      assert.ok(problem, 'a problem');
      assert.deepStrictEqual(
        [expression.slice(problem.start, problem.end), problem.message, problem.replacement],
        [marked, message, replacement],
      );
      if (!marked) {
        assert.strictEqual(problem.start, expression.length, 'at the end');
      }
      assert.doesNotMatch(message, /\b(expected|token|operand)\b/i, 'no grammar terms');
    });
  }

  it('keeps telling XPath 2.0 apart from a plain mistake', () => {
    for (const [expression, marked] of [
      ['a eq 1', 'eq'],
      ['(a, b)', ','],
      ['if (a) then b else c', 'if'],
    ]) {
      const problem = parseExpression(expression).problem;
      assert.strictEqual(problem?.xpath2, true, expression);
      assert.strictEqual(expression.slice(problem.start, problem.end), marked);
    }
  });
});
