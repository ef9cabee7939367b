import * as assert from 'assert';
import { DOMParser } from '@xmldom/xmldom';
import { eventNamespaces, findEvent, parseQName } from '../../../src/core/fusion/fusionEvents';
import { referenceCatalog } from '../../../src/core/fusion/referenceCatalog';
import { buildFusionEventPayload } from '../../../src/core/payloads/fusionEvent';
import { compileFilter } from '../../../src/core/xpath/evaluate';
import { newFilterText } from '../../../src/core/xpath/newFilter';
import { PO_EVENT, PO_SERVICE, PO_TYPES, SEED_FILTER } from './fixtures';

describe('Fusion reference catalog and sample payloads', () => {
  it('names each event by a {namespace}Local QName and a unique id, and says where its facts come from', () => {
    const events = referenceCatalog();
    assert.ok(events.length >= 60);
    assert.strictEqual(new Set(events.map((e) => e.id)).size, events.length);
    for (const event of events) {
      assert.ok(parseQName(event.name), event.name);
      assert.ok(event.source, `${event.id} says where its facts come from`);
    }
  });

  it('gives the Purchase Order Event its QName namespace and both PurchaseOrderServiceV2 namespaces', () => {
    const po = findEvent(referenceCatalog(), PO_EVENT)!;
    assert.strictEqual(po.id, 'PrcPoCommonPo_PurchaseOrder');
    assert.deepStrictEqual(eventNamespaces(po).sort(), [parseQName(PO_EVENT)!.namespace, PO_SERVICE, PO_TYPES].sort());
    assert.strictEqual(findEvent(referenceCatalog(), 'PrcPoCommonPo_PurchaseOrder'), po);
    assert.strictEqual(findEvent(referenceCatalog(), 'ApInvHoldApplied')?.displayName, 'Payables Invoice Hold Applied');
  });

  it('builds each event’s sample payload as well-formed XML in an onEvent wrapper, using only the event’s namespaces', () => {
    for (const event of referenceCatalog()) {
      const xml = buildFusionEventPayload(event);
      const errors: string[] = [];
      const doc = new DOMParser({ onError: (_level, message) => errors.push(message) }).parseFromString(
        xml,
        'text/xml',
      );
      assert.deepStrictEqual(errors, [], event.id);
      assert.strictEqual(doc.documentElement?.localName, 'onEvent', event.id);
      for (const uri of Object.values(event.sample?.prefixes ?? {})) {
        assert.ok(eventNamespaces(event).includes(uri), `${event.id}: ${uri} is one of its namespaces`);
      }
    }
  });

  it('generates a PO payload the seed’s filter matches', () => {
    const filter = compileFilter(SEED_FILTER);
    assert.ok(filter.ok);
    assert.strictEqual(filter.evaluate(buildFusionEventPayload(findEvent(referenceCatalog(), PO_EVENT)!)).value, true);
  });
});

describe('new filters for events whose sample values need quoting', () => {
  it('writes a value with a quote or an ampersand as a valid literal that still matches', () => {
    const po = findEvent(referenceCatalog(), 'PrcPoCommonPo_PurchaseOrder')!;
    const tricky = {
      ...po,
      sample: { ...po.sample!, xml: po.sample!.xml.replace('300000012345678', 'A &amp; "B"') },
    };
    const { text } = newFilterText(tricky);
    const filter = compileFilter(text);
    assert.ok(filter.ok, filter.ok ? '' : filter.error);
    assert.strictEqual(filter.evaluate(buildFusionEventPayload(tricky)).value, true);
  });
});
