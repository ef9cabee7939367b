import * as assert from 'assert';
import { findEvent } from '../../../src/core/fusion/fusionEvents';
import { referenceCatalog } from '../../../src/core/fusion/referenceCatalog';
import { buildFusionEventPayload } from '../../../src/core/payloads/fusionEvent';
import { MAX_RETRIES } from '../../../src/emulator/http/fusionRaise';
import { SEED_FILTER } from '../xpath/fixtures';
import { startReceiver } from './receiver';
import { useEmulator } from './sdkHelpers';

const PO = findEvent(referenceCatalog(), 'PrcPoCommonPo_PurchaseOrder')!;

describe('emulator: Fusion business events over Basic auth', () => {
  const ctx = useEmulator({ dataset: 'demo', timeScale: 0.0001 });

  const fusion = () => ctx.emulator.announcement.fusion;
  const auth = (password = fusion().password) =>
    `Basic ${Buffer.from(`${fusion().username}:${password}`).toString('base64')}`;
  async function call(path: string, init: RequestInit = {}, authorization = auth()) {
    const response = await fetch(`${fusion().url}${path}`, {
      ...init,
      headers: { Authorization: authorization, 'Content-Type': 'application/json', ...init.headers },
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
  }
  const control = (path: string, body: unknown) =>
    fetch(`${fusion().url}/_emulator/fusion/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => (await r.json()) as Record<string, unknown>);

  it('announces its URL and user in the first-line JSON, and refuses a wrong or missing password with 401', async () => {
    assert.strictEqual(fusion().url, ctx.emulator.server.url);
    for (const authorization of [auth('wrong'), '']) {
      const response = await call('/soa-infra/PublicEvent/catalog', {}, authorization);
      assert.strictEqual(response.status, 401);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Basic realm=/);
    }
  });

  it('serves a catalog of 60+ events across the modules, each with an id and a {namespace}Local name', async () => {
    const { body } = await call('/soa-infra/PublicEvent/catalog');
    const events = (body as { events: { id: string; name: string; documentService: unknown }[] }).events;
    assert.ok(events.length >= 60, `${events.length}`);
    assert.ok(events.every((e) => e.id && /^\{[^}]+\}\w+$/.test(e.name)));
    assert.ok(
      events.some((e) => e.documentService),
      'some carry documentService',
    );
    const modules = new Set(referenceCatalog().map((e) => e.module));
    for (const module of [
      'Procurement',
      'Payables',
      'Receivables',
      'General Ledger',
      'Expenses',
      'Inventory',
      'Order Management',
      'Manufacturing',
      'PLM',
      'PPM',
      'FBDI',
    ]) {
      assert.ok(modules.has(module), module);
    }
  });

  it('serves custom events and subscriptions in whichever shape it is set to', async () => {
    assert.ok(Array.isArray((await call('/soa-infra/PublicEvent/customCatalog')).body));
    assert.ok(Array.isArray(((await call('/soa-infra/PublicEvent/subscriptions')).body as { items: unknown }).items));
    await control('shapes', { customCatalog: 'events', subscriptions: 'array' });
    assert.strictEqual(
      ((await call('/soa-infra/PublicEvent/customCatalog')).body as { events: unknown[] }).events.length,
      3,
    );
    assert.ok(Array.isArray((await call('/soa-infra/PublicEvent/subscriptions')).body));
  });

  it('pages erpBusinessEvents with limit, offset, count and hasMore, under 11.13.18.05 and latest', async () => {
    const first = (await call('/fscmRestApi/resources/11.13.18.05/erpBusinessEvents')).body as {
      items: { EnabledFlag: unknown; ErpBusinessEventId: unknown }[];
      count: number;
      hasMore: boolean;
      limit: number;
      offset: number;
    };
    assert.deepStrictEqual([first.count, first.hasMore, first.limit, first.offset], [25, true, 25, 0]);
    assert.ok(first.items.every((i) => typeof i.EnabledFlag === 'boolean' && typeof i.ErpBusinessEventId === 'number'));
    const last = (await call('/fscmRestApi/resources/latest/erpBusinessEvents?limit=25&offset=50')).body as {
      count: number;
      hasMore: boolean;
    };
    assert.deepStrictEqual([last.count, last.hasMore], [referenceCatalog().length - 50, false]);
    assert.strictEqual((await call('/fscmRestApi/resources/11.13.18.04/erpBusinessEvents')).status, 404);
  });

  it('ships Payables events disabled, and enables one by its numeric id with a boolean EnabledFlag', async () => {
    const all = (await call('/fscmRestApi/resources/latest/erpBusinessEvents?limit=500')).body as {
      items: { BusinessEventCode: string; ErpBusinessEventId: number; EnabledFlag: boolean }[];
    };
    const hold = all.items.find((i) => i.BusinessEventCode === 'ApInvHoldApplied')!;
    assert.strictEqual(hold.EnabledFlag, false);
    const path = `/fscmRestApi/resources/11.13.18.05/erpBusinessEvents/${hold.ErpBusinessEventId}`;
    const seedWay = await call(path, { method: 'PATCH', body: JSON.stringify({ EnabledFlag: 'Y' }) });
    assert.strictEqual(seedWay.status, 400);
    assert.match((seedWay.body as { detail: string }).detail, /boolean/);
    const patched = await call(path, { method: 'PATCH', body: JSON.stringify({ EnabledFlag: true }) });
    assert.strictEqual((patched.body as { EnabledFlag: boolean }).EnabledFlag, true);
    assert.strictEqual(((await call(path)).body as { EnabledFlag: boolean }).EnabledFlag, true);
  });

  it('deletes a subscription, then answers 404 for it', async () => {
    assert.strictEqual((await call('/soa-infra/PublicEvent/subscriptions/SUB-0003', { method: 'DELETE' })).status, 204);
    assert.strictEqual((await call('/soa-infra/PublicEvent/subscriptions/SUB-0003', { method: 'DELETE' })).status, 404);
  });

  it('raises an event to the subscriptions whose filter matches, and only while the event is enabled', async () => {
    const receiver = await startReceiver();
    try {
      const subscription = await control('subscriptions', {
        eventName: PO.id,
        endpoint: receiver.url,
        filter: SEED_FILTER,
      });
      const lanCable = buildFusionEventPayload(PO);
      const raised = await control('raise', { eventName: PO.name, payload: lanCable });
      const mine = (raised.subscriptions as { id: string; matched: boolean }[]).find((s) => s.id === subscription.id);
      assert.deepStrictEqual(mine?.matched, true);
      const delivered = await receiver.next();
      assert.strictEqual(delivered.body, lanCable);
      assert.match(String(delivered.headers['content-type']), /text\/xml/);
      const monitor = await control('raise', { eventName: PO.name, payload: lanCable.replace('Lan Cable', 'Monitor') });
      assert.deepStrictEqual(
        (monitor.subscriptions as { id: string; matched: boolean }[]).find((s) => s.id === subscription.id)?.matched,
        false,
      );
      // Disable the event: raising it reaches no subscription at all.
      const records = (await call('/fscmRestApi/resources/latest/erpBusinessEvents?limit=500')).body as {
        items: { BusinessEventIdentifier: string; ErpBusinessEventId: number }[];
      };
      const id = records.items.find((r) => r.BusinessEventIdentifier === PO.id)!.ErpBusinessEventId;
      await call(`/fscmRestApi/resources/latest/erpBusinessEvents/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ EnabledFlag: false }),
      });
      const disabled = await control('raise', { eventName: PO.name, payload: lanCable });
      assert.deepStrictEqual([disabled.enabled, disabled.subscriptions], [false, []]);
      assert.strictEqual(receiver.received.length, 1);
    } finally {
      await receiver.close();
    }
  });

  it('retries a failing delivery 10 times, then marks it maxed out', async () => {
    const receiver = await startReceiver({ status: 500 });
    try {
      const invoice = findEvent(referenceCatalog(), 'ApInvoiceCreated')!;
      const subscription = await control('subscriptions', { eventName: 'ApInvoiceCreated', endpoint: receiver.url });
      assert.strictEqual(subscription.eventName, invoice.name, 'a local name is resolved to the QName');
      const records = (await call('/fscmRestApi/resources/latest/erpBusinessEvents?limit=500')).body as {
        items: { BusinessEventIdentifier: string; ErpBusinessEventId: number }[];
      };
      const id = records.items.find((r) => r.BusinessEventIdentifier === invoice.id)!.ErpBusinessEventId;
      await call(`/fscmRestApi/resources/latest/erpBusinessEvents/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ EnabledFlag: true }),
      });
      const raised = await control('raise', { eventName: invoice.name, payload: buildFusionEventPayload(invoice) });
      const deliveryId = (raised.subscriptions as { id: string; deliveryId?: string }[]).find(
        (s) => s.id === subscription.id,
      )?.deliveryId;
      let delivery: { status: string; retries: number } | undefined;
      for (let waited = 0; delivery?.status !== 'Maxed out retries'; waited += 20) {
        assert.ok(waited < 10_000, `still ${JSON.stringify(delivery)}`);
        await new Promise((r) => setTimeout(r, 20));
        const all = (await (await fetch(`${fusion().url}/_emulator/fusion/deliveries`)).json()) as {
          items: { id: string; status: string; retries: number }[];
        };
        delivery = all.items.find((d) => d.id === deliveryId);
      }
      assert.strictEqual(delivery.retries, MAX_RETRIES);
      assert.strictEqual(receiver.received.length, MAX_RETRIES + 1, 'the first attempt and ten retries');
    } finally {
      await receiver.close();
    }
  });
});
