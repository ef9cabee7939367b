import * as assert from 'assert';
import { applyEdits } from '../../../src/core/text/textEdits';
import { analyzeFilter } from '../../../src/core/xpath/analyzeFilter';
import { XPathFinding } from '../../../src/core/xpath/xpathFindings';
import { PO_EVENT, PO_SERVICE, PO_TYPES, poFilter, SEED_FILTER } from './fixtures';

/** Each finding as [code, severity, the text it marks]. */
function findings(text: string): [string, string, string][] {
  return analyzeFilter(text).findings.map((f) => [f.code, f.severity, text.slice(f.offset, f.offset + f.length)]);
}

function only(text: string, code: string): XPathFinding {
  const found = analyzeFilter(text).findings.filter((f) => f.code === code);
  assert.strictEqual(
    found.length,
    1,
    `one ${code} in ${JSON.stringify(analyzeFilter(text).findings.map((f) => f.code))}`,
  );
  return found[0];
}

const fix = (text: string, finding: XPathFinding, index = 0) => applyEdits(text, finding.fixes[index].edits);

describe('XPath filter analysis', () => {
  it('finds nothing wrong with the seed’s Purchase Order filter', () => {
    assert.deepStrictEqual(findings(SEED_FILTER), []);
  });

  it('marks a wrapper that is not well formed, and names a raw < with a fix to &lt;', () => {
    const text = poFilter('$eventPayload/ns2:result/ns0:Value/ns0:Total < 100');
    const f = only(text, 'xml-malformed');
    assert.strictEqual(f.severity, 'error');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), '<');
    assert.match(f.message, /must be written &lt;/);
    assert.deepStrictEqual(findings(fix(text, f)), []);
    assert.deepStrictEqual(
      findings('<xpathExpr xmlns:a="u" xmlns:a="v">$eventPayload/a:b</xpathExpr>')[0].slice(0, 2),
      ['xml-malformed', 'error'],
    );
  });

  it('places a wrapper problem after lone CR line ends inside the text, as the XML parser counts them (fuzz counterexample)', () => {
    const text = `<xpathExpr${'\r'.repeat(300)}xmlns:a="u">$eventPayload/a:b</xpathExprx>`;
    const malformed = analyzeFilter(text).findings.find((f) => f.code === 'xml-malformed');
    assert.ok(malformed);
    assert.ok(
      malformed.offset + malformed.length <= text.length,
      `${malformed.offset}+${malformed.length} of ${text.length}`,
    );
    assert.strictEqual(text.slice(malformed.offset, malformed.offset + 13), '$eventPayload');
  });

  it('marks an XPath syntax error at the offending token', () => {
    assert.deepStrictEqual(findings(poFilter('$eventPayload/ns2:result = = 1')), [['xpath-syntax', 'error', '=']]);
    const unterminated = findings(poFilter('$eventPayload/ns2:result = "Lan'));
    assert.deepStrictEqual(unterminated, [['xpath-syntax', 'error', '"Lan']]);
  });

  it('gives a half-written prefixed name a syntax error only, not a warning about its missing prefix', () => {
    assert.deepStrictEqual(findings(poFilter('$eventPayload/ns2:result/ns0: = 1')), [
      ['xpath-syntax', 'error', 'ns0:'],
    ]);
    assert.deepStrictEqual(findings(poFilter('ns0: = 1')), [['xpath-syntax', 'error', 'ns0:']]);
  });

  it('fixes an operator of another language with the XPath one, written as the file must hold it', () => {
    for (const [expression, fixed] of [
      ['$eventPayload/ns2:result == 1', '$eventPayload/ns2:result = 1'],
      ['$eventPayload/ns2:result &lt;&gt; 1', '$eventPayload/ns2:result != 1'],
      ['$eventPayload/ns2:result =&lt; 1', '$eventPayload/ns2:result &lt;= 1'],
      [
        '$eventPayload/ns2:result or $eventPayload/ns2:x &amp;&amp; 1',
        '$eventPayload/ns2:result or $eventPayload/ns2:x and 1',
      ],
      ['$eventPayload/ns2:result AND 1', '$eventPayload/ns2:result and 1'],
      ['$eventPayload/ns2:result/2', '$eventPayload/ns2:result div 2'],
      ['chlid::x', 'child::x'],
    ]) {
      const text = poFilter(expression);
      const f = only(text, 'xpath-syntax');
      assert.strictEqual(fix(text, f), poFilter(fixed), expression);
    }
  });

  it('maps ranges back through entity-encoded text', () => {
    // &gt; is four characters in the file and one in the expression: the token after it must still be found.
    const text = poFilter('$eventPayload/ns2:result/ns0:Value/ns0:Total &gt; &gt; 100');
    const f = only(text, 'xpath-syntax');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), '&gt;');
    assert.strictEqual(f.offset, text.lastIndexOf('&gt;'));
    const prefix = only(
      poFilter('$eventPayload/ns2:result/ns0:Total &gt;= 1 and ns9:x = &quot;a&quot;'),
      'unbound-prefix',
    );
    const withPrefix = poFilter('$eventPayload/ns2:result/ns0:Total &gt;= 1 and ns9:x = &quot;a&quot;');
    assert.strictEqual(withPrefix.slice(prefix.offset, prefix.offset + prefix.length), 'ns9');
  });

  it('marks an unbound prefix as an error, offering to declare each of the event’s namespaces', () => {
    const text = poFilter('$eventPayload/ns2:result/ns1:Value/ns0:Total');
    const f = only(text, 'unbound-prefix');
    assert.strictEqual(f.severity, 'error');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), 'ns1');
    const declare = f.fixes.find((x) => x.title === `Declare ns1 as ${PO_SERVICE}`)!;
    const fixed = applyEdits(text, declare.edits);
    assert.ok(fixed.includes(`xmlns:ns1="${PO_SERVICE}">`), fixed);
    assert.deepStrictEqual(findings(fixed), []);
  });

  it('offers to change an undeclared prefix to each declared one, in every use, the event’s namespaces first', () => {
    const text = `<!-- oew:event ${PO_EVENT} -->\n<xpathExpr xmlns:zz="urn:other" xmlns:ns0="${PO_SERVICE}" xmlns:ns2="${PO_TYPES}">$eventPayload/ns2:result/ns1:Value/ns1:Total</xpathExpr>`;
    const unbound = analyzeFilter(text).findings.filter((f) => f.code === 'unbound-prefix');
    assert.strictEqual(unbound.length, 2);
    const titles = unbound[0].fixes.map((x) => x.title);
    assert.deepStrictEqual(titles.slice(0, 3), [
      "Change 'ns1' to 'ns0'",
      "Change 'ns1' to 'ns2'",
      "Change 'ns1' to 'zz'",
    ]);
    const fixed = fix(text, unbound[0]);
    assert.ok(fixed.endsWith('$eventPayload/ns2:result/ns0:Value/ns0:Total</xpathExpr>'), fixed);
    assert.ok(!findings(fixed).some(([code]) => code === 'unbound-prefix'), fixed);
  });

  it('notes a declared prefix that is never used, with a fix that removes it', () => {
    const text = `<xpathExpr xmlns:ns0="${PO_SERVICE}" xmlns:ns2="${PO_TYPES}">$eventPayload/ns2:result</xpathExpr>`;
    const f = only(text, 'unused-prefix');
    assert.strictEqual(f.severity, 'info');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), `xmlns:ns0="${PO_SERVICE}"`);
    assert.strictEqual(fix(text, f), `<xpathExpr xmlns:ns2="${PO_TYPES}">$eventPayload/ns2:result</xpathExpr>`);
  });

  it('warns of a namespace the target event does not use, naming a trailing-slash difference, with the right URI as fix', () => {
    const text = SEED_FILTER.replace(`"${PO_SERVICE}"`, `"${PO_SERVICE.slice(0, -1)}"`);
    const f = only(text, 'wrong-namespace');
    assert.strictEqual(f.severity, 'warning');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), PO_SERVICE.slice(0, -1));
    assert.match(f.message, /differ only by the trailing slash/);
    assert.strictEqual(f.fixes[0].title, `Use ${PO_SERVICE}`);
    assert.strictEqual(fix(text, f), SEED_FILTER);
  });

  it('warns of an unprefixed element step even with no target event, offering the declared prefixes', () => {
    const text = '<!-- oew:ns ns0=urn:x -->\n$eventPayload/ns0:result/Value = 1';
    const f = only(text, 'unprefixed-step');
    assert.strictEqual(f.severity, 'warning');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), 'Value');
    assert.match(f.message, /matches nothing in a namespaced payload|matches nothing/);
    assert.strictEqual(fix(text, f), '<!-- oew:ns ns0=urn:x -->\n$eventPayload/ns0:result/ns0:Value = 1');
    // Attributes are not namespaced in Fusion payloads: @value is fine.
    assert.deepStrictEqual(findings('<!-- oew:ns ns0=urn:x -->\n$eventPayload/ns0:a/@value = 1'), []);
  });

  it('errs on variables other than $eventPayload, and warns when $eventPayload is missing', () => {
    const text = poFilter('$payload/ns2:result/ns0:Value = 1');
    const f = only(text, 'unbound-variable');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), '$payload');
    assert.deepStrictEqual(findings(fix(text, f)), []);
    const missing = poFilter('/ns2:result/ns0:Value = 1');
    assert.deepStrictEqual(findings(missing), [['no-event-payload', 'warning', '/ns2:result/ns0:Value = 1']]);
  });

  it('names XPath 2.0 syntax as XPath 2.0', () => {
    for (const [expression, marked, construct] of [
      ['if ($eventPayload/ns2:result) then 1 else 0', 'if', /if … then … else/],
      ['for $i in $eventPayload/ns2:result return $i', 'for', /for \$… return/],
      ['some $i in $eventPayload/ns2:result satisfies $i', 'some', /some/],
      ['$eventPayload/ns2:result eq 1', 'eq', /"eq"/],
      ['$eventPayload/ns2:result instance of xs:string', 'instance', /instance of/],
      ['($eventPayload/ns2:result, 1)', ',', /sequence/],
      ['upper-case($eventPayload/ns2:result) = "A"', 'upper-case', /function upper-case\(\).*translate/],
      ['$eventPayload/ns2:result (: a comment :) = 1', '(: a comment :)', /comments/],
    ] as const) {
      const text = poFilter(expression);
      const f = only(text, 'xpath2-syntax');
      assert.strictEqual(f.severity, 'warning');
      assert.strictEqual(text.slice(f.offset, f.offset + f.length), marked, expression);
      assert.match(f.message, /^XPath 2\.0 syntax: /);
      assert.match(f.message, construct);
    }
  });

  it('errs on a function XPath 1.0 lacks, with the nearest 1.0 function as fix', () => {
    const text = poFilter('contans($eventPayload/ns2:result/ns0:Value, "a")');
    const f = only(text, 'unknown-function');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), 'contans');
    assert.deepStrictEqual(findings(fix(text, f)), []);
  });

  it('warns when the named event is not in the reference catalog', () => {
    const text = '<!-- oew:event {urn:nowhere}Nothing -->\n<!-- oew:ns a=urn:a -->\n$eventPayload/a:b';
    assert.deepStrictEqual(findings(text), [['unknown-event', 'warning', '{urn:nowhere}Nothing']]);
  });

  it('reads a bare expression with oew:ns comments, removing an unused one whole', () => {
    const text = '<!-- oew:ns a=urn:a -->\n<!-- oew:ns b=urn:b -->\n$eventPayload/a:x = 1';
    const f = only(text, 'unused-prefix');
    assert.strictEqual(fix(text, f), '<!-- oew:ns a=urn:a -->\n$eventPayload/a:x = 1');
  });
});

describe('XPath filter analysis at the edges the review found', () => {
  it('reports a reference to a character XML does not allow, instead of failing', () => {
    const text = poFilter('$eventPayload/ns2:result/ns0:Value = "&#x110000;"');
    assert.deepStrictEqual(findings(text), [['xml-malformed', 'error', '&#x110000;']]);
  });

  it('keeps ranges right after a character above U+FFFF', () => {
    const text = poFilter('$eventPayload/ns2:result/ns0:Value = "&#x1F600;" and $x');
    const f = only(text, 'unbound-variable');
    assert.strictEqual(text.slice(f.offset, f.offset + f.length), '$x');
    assert.ok(fix(text, f).includes('and $eventPayload</xpathExpr>'));
  });

  it('does not let oew:ns comments declare prefixes for a wrapped filter, which OIC never sees', () => {
    const text = '<!-- oew:ns a=urn:a -->\n<xpathExpr>$eventPayload/a:b = "x"</xpathExpr>';
    assert.deepStrictEqual(findings(text), [['unbound-prefix', 'error', 'a']]);
  });

  it('knows toString() is no XPath function, and xml: needs no declaration', () => {
    const text = poFilter('toString($eventPayload/ns2:result/ns0:Value/@xml:lang)');
    assert.deepStrictEqual(findings(text), [['unknown-function', 'error', 'toString']]);
  });
});
