import * as assert from 'assert';
import { freePort } from '../../harness/codeServer';
import { UserError } from '../../../src/core/errors/userError';
import { moduleOf } from '../../../src/core/fusion/eventModules';
import { FusionClient, FusionConnection, pointsElsewhere } from '../../../src/core/fusion/fusionClient';
import { describeFusionStatus, ERP_EVENTS_PRIVILEGE } from '../../../src/core/fusion/fusionErrors';
import { referenceCatalog } from '../../../src/core/fusion/referenceCatalog';
import { DEMO_OIC_HOST } from '../../../src/emulator/store/fusionState';
import { useEmulator } from '../emulator/sdkHelpers';

async function failure(call: Promise<unknown>): Promise<UserError> {
  try {
    await call;
  } catch (err) {
    assert.ok(err instanceof UserError, String(err));
    return err;
  }
  throw new Error('the call succeeded');
}

describe('Fusion client against the emulator', () => {
  const ctx = useEmulator({ dataset: 'demo' });

  const connection = (): FusionConnection => ({
    name: 'acme-test',
    baseUrl: ctx.emulator.announcement.fusion.url,
    username: ctx.emulator.announcement.fusion.username,
    expectedOicHosts: [DEMO_OIC_HOST],
  });
  const client = (password = ctx.emulator.announcement.fusion.password, pageSize?: number) =>
    new FusionClient(connection(), password, { pageSize });
  const shapes = (body: unknown) =>
    fetch(`${ctx.emulator.server.url}/_emulator/fusion/shapes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const faults = (settings: object) =>
    fetch(`${ctx.emulator.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
  const noWait = { retry: { sleep: () => Promise.resolve() } };

  it('reads through throttling, failures, resets and cut answers, and names a failure that outlasts the retries', async () => {
    const retrying = new FusionClient(connection(), ctx.emulator.announcement.fusion.password, noWait);
    await faults({ fault429Every: 2, faultResetRate: 0.2, faultTruncateRate: 0.2 });
    for (let i = 0; i < 5; i++) {
      assert.strictEqual((await retrying.catalog()).length, referenceCatalog().length);
    }
    await faults({ fault429Every: 0, faultResetRate: 0, faultTruncateRate: 0, fault5xxRate: 1 });
    const err = await failure(retrying.catalog());
    assert.strictEqual(
      err.message,
      'acme-test failed with 500, and still did after several retries, when trying to read the event catalog.',
    );
    assert.doesNotMatch(err.nextStep, /OAM/, 'a server failure says nothing about the OAM configuration');
    await faults({ fault5xxRate: 0, fault429Every: 1 });
    assert.match((await failure(retrying.customCatalog())).message, /acme-test is throttling requests, and still was/);
    await faults({ fault429Every: 0 });
  });

  it('explains a 401 with the connection and how to change the password, never showing it', async () => {
    const err = await failure(client('not-the-password').catalog());
    assert.match(err.message, /acme-test refused the user name or password of integration_user/);
    assert.match(err.nextStep, /user name and password/);
    assert.ok(!`${err.message} ${err.nextStep}`.includes('not-the-password'));
  });

  it('reads the catalog, and explains an empty one as the seed does: check OAM', async () => {
    const events = await client().catalog();
    assert.strictEqual(events.length, referenceCatalog().length);
    await shapes({ catalog: 'empty' });
    const err = await failure(client().catalog());
    assert.match(err.message, /event catalog of acme-test is not available: it is empty/);
    assert.match(err.nextStep, /Oracle Access Manager \(OAM\)/);
  });

  it('accepts custom events and subscriptions as an array, {items} or {events}', async () => {
    for (const shape of ['array', 'items', 'events']) {
      await shapes({ customCatalog: shape, subscriptions: shape });
      assert.strictEqual((await client().customCatalog()).length, 3, shape);
      assert.strictEqual((await client().subscriptions()).length, 4, shape);
    }
  });

  it('names what arrived when a list has an unexpected shape, rather than showing nothing', async () => {
    await shapes({ subscriptions: 'unexpected' });
    const err = await failure(client().subscriptions());
    assert.match(
      err.message,
      /answered \/soa-infra\/PublicEvent\/subscriptions with an object with "result", "data", not a list/,
    );
  });

  it('flags the subscription that points at another environment’s OIC host', async () => {
    const subscriptions = await client().subscriptions();
    assert.deepStrictEqual(
      subscriptions.filter((s) => pointsElsewhere(s, connection())).map((s) => s.id),
      ['SUB-0003'],
    );
  });

  it('pages every erpBusinessEvents record, enables one, and deletes a subscription', async () => {
    ctx.emulator.server.stats.clear();
    const records = await client(undefined, 25).businessEvents();
    assert.strictEqual(records.length, referenceCatalog().length);
    assert.strictEqual(ctx.emulator.server.stats.get('fusion.listErpBusinessEvents'), 3, 'three pages of 25');
    const disabled = records.filter((r) => !r.EnabledFlag);
    assert.ok(disabled.some((r) => r.BusinessEventCode === 'ApInvHoldApplied'));
    const enabled = await client().setEnabled(disabled[0].ErpBusinessEventId, true);
    assert.strictEqual(enabled.EnabledFlag, true);
    await client().deleteSubscription('SUB-0003');
    assert.ok(!(await client().subscriptions()).some((s) => s.id === 'SUB-0003'));
  });

  it('groups events into modules by their namespace', () => {
    for (const event of referenceCatalog()) {
      assert.strictEqual(moduleOf(event), event.module, event.id);
    }
  });
});

describe('Fusion client timeouts and errors', () => {
  const ctx = useEmulator({ dataset: 'demo', latencyMs: 300 });

  it('gives up after its timeout and says so', async () => {
    const { url, username, password } = ctx.emulator.announcement.fusion;
    const slow = new FusionClient({ name: 'slow', baseUrl: url, username }, password, { timeoutMs: 50 });
    const err = await failure(slow.customCatalog());
    assert.match(err.message, /slow did not answer within 0\.05 s/);
    const controller = new AbortController();
    const pending = slow.subscriptions(controller.signal);
    controller.abort();
    assert.match((await failure(pending)).message, /^Cancelled/);
  });

  it('names the host, what failed and what to try when the instance cannot be reached', async () => {
    const port = await freePort();
    const gone = new FusionClient({ name: 'gone', baseUrl: `http://127.0.0.1:${port}`, username: 'u' }, 'p', {
      retry: { sleep: () => Promise.resolve(), attempts: 1 },
    });
    const err = await failure(gone.catalog());
    assert.strictEqual(
      err.message,
      `127.0.0.1:${port} refused the connection: is the server running on that port? (while trying to read the event catalog)`,
    );
    assert.strictEqual(
      err.nextStep,
      `Start the server, or check the port and the endpoint setting. The connection’s base URL is http://127.0.0.1:${port}.`,
    );
    // Port 6000 is one fetch refuses to call at all: said so, rather than "fetch failed".
    const blocked = new FusionClient({ name: 'x11', baseUrl: 'http://127.0.0.1:6000', username: 'u' }, 'p', {
      retry: { sleep: () => Promise.resolve(), attempts: 1 },
    });
    assert.match((await failure(blocked.catalog())).message, /port that fetch refuses to call/);
  });

  it('names the privilege a 403 on erpBusinessEvents means', () => {
    const err = describeFusionStatus(403, {
      connection: 'acme',
      username: 'integration_user',
      what: 'list ERP business events',
      path: '/fscmRestApi/resources/11.13.18.05/erpBusinessEvents',
    });
    assert.ok(err.nextStep.includes(ERP_EVENTS_PRIVILEGE));
  });
});
