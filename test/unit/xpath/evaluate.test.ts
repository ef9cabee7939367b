import * as assert from 'assert';
import { compileFilter, CompiledFilter } from '../../../src/core/xpath/evaluate';
import { PO_SERVICE, poFilter, poPayload, SEED_FILTER } from './fixtures';

function compiled(text: string): Extract<CompiledFilter, { ok: true }> {
  const filter = compileFilter(text);
  assert.ok(filter.ok, filter.ok ? '' : filter.error);
  return filter;
}

describe('XPath filter evaluation', () => {
  it('matches the seed’s item-description filter on a PO payload, and shows what its path selected', () => {
    const filter = compiled(SEED_FILTER);
    const result = filter.evaluate(poPayload());
    assert.strictEqual(result.value, true);
    assert.deepStrictEqual(
      result.paths.map((p) => [p.path, p.count, p.nodes.map((n) => n.value)]),
      [['$eventPayload/ns2:result/ns0:Value/ns0:PurchaseOrderLine/ns0:ItemDescription', 1, ['Lan Cable']]],
    );
    assert.strictEqual(
      SEED_FILTER.slice(result.paths[0].range.start, result.paths[0].range.end),
      result.paths[0].path,
      'the path’s range is in the document',
    );
    assert.strictEqual(filter.evaluate(poPayload({ item: 'Monitor' })).value, false);
  });

  it('does not match a payload whose namespace differs by a trailing slash, and shows the path selected nothing', () => {
    const result = compiled(SEED_FILTER).evaluate(poPayload({ serviceNamespace: PO_SERVICE.slice(0, -1) }));
    assert.strictEqual(result.value, false);
    assert.strictEqual(result.paths[0].count, 0);
  });

  it('evaluates a compound (…) or (…) filter', () => {
    const filter = compiled(
      poFilter(
        '($eventPayload/ns2:result/ns0:Value/ns0:OrderNumber = "PO-1") or ($eventPayload/ns2:result/ns0:Value/ns0:PurchaseOrderLine/ns0:ItemDescription = "Lan Cable")',
      ),
    );
    const result = filter.evaluate(poPayload());
    assert.strictEqual(result.value, true);
    assert.deepStrictEqual(
      result.paths.map((p) => p.count),
      [1, 1],
    );
    assert.strictEqual(filter.evaluate(poPayload({ item: 'Monitor' })).value, false);
  });

  it('compares numbers written with &gt;', () => {
    const filter = compiled(poFilter('$eventPayload/ns2:result/ns0:Value/ns0:Total &gt; 100'));
    assert.strictEqual(filter.evaluate(poPayload({ total: 250 })).value, true);
    assert.strictEqual(filter.evaluate(poPayload({ total: 99.5 })).value, false);
  });

  it('binds $eventPayload to the onEvent element inside a SOAP envelope', () => {
    const soap = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${poPayload()}</soap:Body></soap:Envelope>`;
    assert.strictEqual(compiled(SEED_FILTER).evaluate(soap).value, true);
  });

  it('refuses to evaluate a filter with an unbound prefix, rather than let the step match', () => {
    const filter = compileFilter(poFilter('$eventPayload/ns2:result/ns9:Value/ns0:Total = 250'));
    assert.strictEqual(filter.ok, false);
    assert.match(filter.ok ? '' : filter.error, /prefix ns9 is not declared/);
  });

  it('reports a payload that is not XML without failing the filter', () => {
    const result = compiled(SEED_FILTER).evaluate('<ns01:onEvent><unclosed></ns01:onEvent>');
    assert.strictEqual(result.value, undefined);
    assert.match(result.error ?? '', /not well-formed XML/);
  });
});
