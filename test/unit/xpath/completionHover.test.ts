import * as assert from 'assert';
import { analyzeFilter } from '../../../src/core/xpath/analyzeFilter';
import { completeFilter } from '../../../src/core/xpath/completion';
import { hoverFilter } from '../../../src/core/xpath/hover';
import { PO_SERVICE, poFilter } from './fixtures';

/** Completion labels at the | in the expression. */
function labels(expression: string): string[] {
  const text = poFilter(expression.replace('|', ''));
  const offset = text.indexOf('>', text.indexOf('<xpathExpr')) + 1 + expression.indexOf('|');
  return completeFilter(analyzeFilter(text), offset).map((c) => c.label);
}

describe('XPath filter completion and hover', () => {
  it('offers the children the path so far selects in the event’s sample payload, with the declared prefixes', () => {
    assert.deepStrictEqual(labels('$eventPayload/|'), ['ns2:result']);
    assert.deepStrictEqual(labels('$eventPayload/ns2:result/|'), ['ns0:Value']);
    const value = labels('$eventPayload/ns2:result/ns0:Value/ns0:P|');
    assert.ok(value.includes('ns0:PurchaseOrderLine') && value.includes('ns0:OrderNumber'), value.join());
  });

  it('offers $eventPayload, the declared prefixes and the XPath 1.0 functions at the start of an operand', () => {
    const offered = labels('|');
    assert.ok(offered.includes('$eventPayload'));
    assert.ok(offered.includes('ns0:') && offered.includes('ns2:'));
    assert.ok(offered.includes('contains') && offered.includes('normalize-space'));
    assert.ok(!offered.includes('upper-case'), 'no XPath 2.0 function');
    assert.deepStrictEqual(labels('$eve|'), ['$eventPayload']);
  });

  it('shows a prefix’s URI, and whether the target event uses it', () => {
    const text = poFilter('$eventPayload/ns2:result/ns0:Value');
    const analysis = analyzeFilter(text);
    const hover = hoverFilter(analysis, text.indexOf('ns0:Value') + 1)!;
    assert.match(hover.contents, new RegExp(`\`Value\` in \`${PO_SERVICE}\``));
    assert.match(hover.contents, /Purchase Order Event uses this namespace/);
    const wrong = poFilter('$eventPayload/ns2:result').replace(PO_SERVICE, 'urn:wrong');
    const declaration = hoverFilter(analyzeFilter(wrong), wrong.indexOf('xmlns:ns0') + 2)!;
    assert.match(declaration.contents, /does not use this namespace/);
  });

  it('shows a function’s signature', () => {
    const text = poFilter('contains($eventPayload/ns2:result/ns0:Value, "a")');
    const hover = hoverFilter(analyzeFilter(text), text.indexOf('contains') + 2)!;
    assert.strictEqual(hover.contents, '`boolean contains(string, string)` (XPath 1.0)');
  });
});
