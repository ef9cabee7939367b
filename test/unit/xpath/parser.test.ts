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

  it('says where an expression ends early', () => {
    const parsed = parseExpression('$e/a[');
    assert.deepStrictEqual(
      [parsed.problem?.start, parsed.problem?.message],
      [5, "The expression ends early: a value is missing after '['."],
    );
  });
});
