import * as assert from 'assert';
import { createPrivateKey, generateKeyPairSync } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { UserError } from '../../../src/core/errors/userError';
import { OciClients } from '../../../src/core/oci/ociClients';
import { OpenOptions } from '../../../src/core/oci/ociSession';
import { PassphraseRequest, SessionExpiredError } from '../../../src/core/oci/profileCredentials';
import { startEmulator } from '../../../src/emulator/emulator';
import { issueSessionToken } from '../../../src/emulator/sessionTokens';
import { withRetries } from '../../../src/core/oci/retry';
import { REPO_ROOT } from '../fixtures';
import { freePort } from '../../harness/codeServer';
import { emulatorClients, useEmulator } from './sdkHelpers';

const noWait = { sleep: () => Promise.resolve() };

describe('OCI client layer against the emulator', () => {
  const ctx = useEmulator({ dataset: 'large', compartments: 6, rulesPerCompartment: 12 });
  let clients: OciClients;

  const open = (profile = 'EMULATOR', options: OpenOptions = {}) => emulatorClients(ctx.emulator, profile, options);

  beforeEach(async () => {
    clients = await open();
  });
  afterEach(() => clients.close());

  const stats = async () =>
    (await (await fetch(`${ctx.emulator.server.url}/_emulator/stats`)).json()) as Record<string, number>;
  const faults = (settings: Record<string, number>) =>
    fetch(`${ctx.emulator.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });

  it('retries a reset or an unreadable answer to a read, and says so clearly when every attempt fails', async () => {
    const tenancyId = ctx.emulator.state.tenancy.id;
    await faults({ faultResetRate: 1 });
    await assert.rejects(clients.getTenancy(tenancyId, { ...noWait, attempts: 3 }), (err: UserError) => {
      assert.strictEqual(
        err.message,
        `${new URL(ctx.emulator.server.url).host} closed the connection before it answered. (while trying to read the tenancy, after several tries)`,
      );
      assert.match(
        err.nextStep,
        /^Try again; if it keeps happening, a firewall or proxy may be cutting the connection/,
      );
      return true;
    });
    await faults({ faultResetRate: 0, faultTruncateRate: 1 });
    await assert.rejects(clients.getTenancy(tenancyId, { ...noWait, attempts: 3 }), (err: UserError) => {
      assert.match(err.message, /^OCI's answer could not be read while trying to read the tenancy: it was cut short/);
      assert.strictEqual((err as { outcomeUnknown?: boolean }).outcomeUnknown, undefined, 'a read changes nothing');
      return true;
    });
    assert.strictEqual((await stats())['fault.truncate'], 3, 'three attempts, each answered and cut');
    // Every other request is cut: the retry reads the tenancy.
    await faults({ faultTruncateRate: 0.5 });
    assert.ok((await clients.getTenancy(tenancyId, { ...noWait, attempts: 10 })).name);
  });

  it('names the host, what failed and what to try when OCI cannot be reached, and logs no "[object Object]"', async function () {
    this.timeout(20_000);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const closed = await freePort();
      // The bundle the extension loads, built with the SDK's console warnings filtered.
      const bundle = (await import(path.join(REPO_ROOT, 'dist', 'oci.js'))) as { OciClients: typeof OciClients };
      const target = (endpoint: string) =>
        bundle.OciClients.open({ configFile: ctx.emulator.identity.configFile, profile: 'EMULATOR', endpoint });
      const refused = await target(`http://127.0.0.1:${closed}`);
      await assert.rejects(refused.getTenancy('ocid1.tenancy.oc1..x', { ...noWait, attempts: 2 }), (err: UserError) => {
        assert.strictEqual(
          err.message,
          `127.0.0.1:${closed} refused the connection: is the server running on that port? (while trying to read the tenancy, after several tries)`,
        );
        assert.strictEqual(err.nextStep, 'Start the server, or check the port and the endpoint setting.');
        return true;
      });
      refused.close();
      const unknownHost = await target('https://identity.no-such-region.invalid');
      await assert.rejects(
        unknownHost.getTenancy('ocid1.tenancy.oc1..x', { ...noWait, attempts: 1 }),
        (err: UserError) => {
          assert.match(
            err.message,
            /^The host identity\.no-such-region\.invalid was not found \(DNS (ENOTFOUND|EAI_AGAIN)\)\. \(while trying to read the tenancy, after several tries\)$/,
          );
          assert.match(err.nextStep, /^Check the host name \(for OCI, the profile's region\)/);
          return true;
        },
      );
      unknownHost.close();
    } finally {
      console.warn = warn;
    }
    assert.deepStrictEqual(
      warnings.filter((w) => w.includes('[object Object]')),
      [],
    );
  });

  it('does not send an update or a delete again after a lost or unreadable answer, and says it may have taken effect', async () => {
    const [{ value: rule }] = ctx.emulator.state.rules.values();
    const { etag } = await clients.getRule(rule.id);
    const updates = (await stats())['events.updateRule'] ?? 0;
    await faults({ faultMalformedRate: 1 });
    await assert.rejects(
      clients.updateRule(rule.id, { description: 'changed once' }, etag, noWait),
      (err: UserError) => {
        assert.match(err.message, /could not be read while trying to update rule/);
        assert.match(err.nextStep, /may have done it before the answer was lost: refresh to see/);
        assert.strictEqual((err as { outcomeUnknown?: boolean }).outcomeUnknown, true, 'marked for callers');
        return true;
      },
    );
    assert.strictEqual((await stats())['events.updateRule'], updates + 1, 'sent once');
    assert.strictEqual(ctx.emulator.state.rules.get(rule.id)!.value.description, 'changed once');
    await faults({ faultMalformedRate: 0, faultResetRate: 1 });
    const resets = (await stats())['fault.reset'] ?? 0;
    await assert.rejects(clients.deleteRule(rule.id, undefined, noWait), (err: UserError) => {
      assert.strictEqual(
        err.message,
        `${new URL(ctx.emulator.server.url).host} closed the connection before it answered. (while trying to delete rule ${rule.id})`,
      );
      assert.match(err.nextStep, /may have done it before the answer was lost/);
      return true;
    });
    assert.strictEqual(
      (await stats())['fault.reset'],
      resets + 1,
      'a delete whose connection was lost is not sent again',
    );
    await faults({ faultResetRate: 0 });
  });

  it('lists every rule of many compartments, page by page, in bounded parallel', async () => {
    const compartments = [...ctx.emulator.state.compartments.keys()];
    const rules = await clients.listRules(compartments, { concurrency: 3, pageSize: 5 });
    assert.strictEqual(rules.length, 6 * 12);
    assert.strictEqual((await stats())['events.listRules'], 6 * 3, 'twelve rules in pages of five: three calls each');
  });

  it('lists every compartment of the tenancy, page by page', async () => {
    const compartments = await clients.listCompartments(ctx.emulator.state.tenancy.id, true, { pageSize: 4 });
    assert.deepStrictEqual(compartments.map((c) => c.id).sort(), [...ctx.emulator.state.compartments.keys()].sort());
    assert.strictEqual((await stats())['identity.listCompartments'], 2, 'six compartments in pages of four');
  });

  it('lists function applications, their functions and streams for the rule editor’s pickers', async () => {
    const demo = await startEmulator({ dataset: 'demo', stateDir: path.join(ctx.emulator.identity.folder, 'demo') });
    const picker = await emulatorClients(demo);
    try {
      const named = (name: string) => [...demo.state.compartments.values()].find((c) => c.name === name)!.id;
      const [app] = (await picker.applicationsPage(named('apps-prod'))).items;
      assert.ok(app, 'the demo has an application in apps-prod');
      assert.ok((await picker.listFunctions(app.id)).length >= 2);
      assert.strictEqual((await picker.streamsPage(named('network'))).items.length, 1);
    } finally {
      picker.close();
      await demo.close();
    }
  });

  it('retries a 429 and creates exactly one rule with one retry token', async () => {
    await faults({ fault429Every: 2 });
    const compartmentId = ctx.emulator.state.tenancy.id;
    const before = ctx.emulator.state.rules.size;
    // Request 1 passes; the create is request 2 and gets the 429; its retry is request 3.
    await clients.getTenancy(compartmentId, noWait);
    const created = await clients.createRule(
      {
        displayName: 'retried',
        compartmentId,
        isEnabled: true,
        condition: '{}',
        actions: {
          actions: [{ actionType: 'ONS', isEnabled: true, topicId: 'ocid1.onstopic.oc1.iad.aaaaaaaax' } as never],
        },
      },
      noWait,
    );
    assert.strictEqual(created.rule.displayName, 'retried');
    assert.strictEqual(ctx.emulator.state.rules.size, before + 1);
    assert.strictEqual((await stats())['events.createRule'], 2, 'one 429, then one success');
  });

  it('gives up after its attempts and says what to do', async () => {
    await faults({ fault429Every: 1 });
    await assert.rejects(clients.getTenancy(ctx.emulator.state.tenancy.id, noWait), (err: UserError) => {
      assert.match(err.message, /throttling/);
      return true;
    });
  });

  it('explains a 404 with the IAM policy the operation needs', async () => {
    await assert.rejects(clients.listRules(['ocid1.compartment.oc1..aaaaaaaanothere']), (err: UserError) => {
      assert.ok(err instanceof UserError);
      assert.match(err.nextStep, /Allow group <group> to manage cloudevents-rules in compartment/);
      return true;
    });
  });

  it('explains a 401 with the profile, its key file and fingerprint, and the clock', async () => {
    // Another key under the same profile: the emulator cannot verify its signatures.
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    writeFileSync(`${ctx.emulator.identity.folder}/emulator_api_key.pem`, key);
    const wrongKey = await open();
    try {
      await assert.rejects(wrongKey.getTenancy(ctx.emulator.state.tenancy.id, noWait), (err: UserError) => {
        assert.match(err.message, /profile EMULATOR/);
        assert.match(err.nextStep, /emulator_api_key\.pem/);
        assert.match(err.nextStep, /fingerprint \([0-9a-f:]+\)/);
        assert.match(err.nextStep, /clock/);
        return true;
      });
    } finally {
      wrongKey.close();
    }
  });

  it('signs with a session token (keyId ST$…) for a session-token profile', async () => {
    const session = await open('EMULATOR_SESSION');
    try {
      const tenancy = await session.getTenancy(ctx.emulator.state.tenancy.id, noWait);
      assert.strictEqual(tenancy.id, ctx.emulator.state.tenancy.id);
    } finally {
      session.close();
    }
  });

  it('names the exact refresh command for an expired session token, without calling OCI', async () => {
    const expired = issueSessionToken(ctx.emulator.state.sessionSecret, {
      tenancy: ctx.emulator.state.tenancy.id,
      user: ctx.emulator.identity.user,
      publicKey: ctx.emulator.identity.publicKey,
      expiresAt: new Date(Date.now() - 60_000),
    });
    writeFileSync(ctx.emulator.identity.sessionTokenFile, expired);
    const session = await open('EMULATOR_SESSION');
    try {
      await assert.rejects(session.getTenancy(ctx.emulator.state.tenancy.id, noWait), (err: SessionExpiredError) => {
        assert.ok(err instanceof SessionExpiredError, String(err));
        assert.strictEqual(err.command, 'oci session refresh --profile EMULATOR_SESSION');
        assert.match(err.nextStep, /Run "oci session refresh --profile EMULATOR_SESSION" in a terminal/);
        return true;
      });
      assert.strictEqual((await stats())['identity.getTenancy'], undefined, 'nothing was sent');
    } finally {
      session.close();
    }
  });

  it('answers a token the service refuses with the refresh command', async () => {
    const forged = issueSessionToken(Buffer.alloc(32), {
      tenancy: ctx.emulator.state.tenancy.id,
      user: ctx.emulator.identity.user,
      publicKey: ctx.emulator.identity.publicKey,
      expiresAt: new Date(Date.now() + 60_000),
    });
    writeFileSync(ctx.emulator.identity.sessionTokenFile, forged);
    const session = await open('EMULATOR_SESSION');
    try {
      await assert.rejects(session.getTenancy(ctx.emulator.state.tenancy.id, noWait), (err: UserError) => {
        assert.match(err.message, /did not accept the session of profile EMULATOR_SESSION/);
        assert.match(err.nextStep, /oci session refresh --profile EMULATOR_SESSION/);
        return true;
      });
    } finally {
      session.close();
    }
  });

  it('asks for the pass phrase of an encrypted key until it opens the key, and keeps the one that did', async () => {
    const keyFile = `${ctx.emulator.identity.folder}/emulator_api_key.pem`;
    const key = createPrivateKey(readFileSync(keyFile));
    writeFileSync(
      keyFile,
      key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }),
    );
    const asked: PassphraseRequest[] = [];
    const kept: string[] = [];
    const answers = ['wrong', 'correct horse'];
    const encrypted = await open('EMULATOR', {
      passphrases: {
        get: (request) => (asked.push(request), Promise.resolve(answers.shift())),
        accepted: (_, passphrase) => (kept.push(passphrase), Promise.resolve()),
      },
    });
    try {
      await encrypted.getTenancy(ctx.emulator.state.tenancy.id, noWait);
      assert.deepStrictEqual(
        asked.map((r) => [r.profile, r.previousWasWrong]),
        [
          ['EMULATOR', false],
          ['EMULATOR', true],
        ],
      );
      assert.deepStrictEqual(kept, ['correct horse']);
    } finally {
      encrypted.close();
    }
    await assert.rejects(open('EMULATOR'), /is encrypted and the profile has no pass_phrase/);
  });

  it('switches a profile to another region without editing the file', async () => {
    const frankfurt = await OciClients.open({
      configFile: ctx.emulator.identity.configFile,
      profile: 'EMULATOR',
      region: 'eu-frankfurt-1',
    });
    try {
      assert.strictEqual(frankfurt.region, 'eu-frankfurt-1');
      assert.match(frankfurt.events.endpoint, /^https:\/\/events\.eu-frankfurt-1\..*oraclecloud\.com\/20181201$/);
      assert.match(clients.events.endpoint, /^http:\/\/127\.0\.0\.1:/);
    } finally {
      frankfurt.close();
    }
  });
});

describe('withRetries', () => {
  it('passes the same retry token to every attempt, and backs off with jitter', async () => {
    const tokens: string[] = [];
    const waits: number[] = [];
    const result = await withRetries(
      (token) => {
        tokens.push(token);
        return tokens.length < 3
          ? Promise.reject(Object.assign(new Error('busy'), { statusCode: 503 }))
          : Promise.resolve('ok');
      },
      { sleep: (ms) => (waits.push(ms), Promise.resolve()), random: () => 0.5, baseDelayMs: 100 },
    );
    assert.strictEqual(result, 'ok');
    assert.strictEqual(new Set(tokens).size, 1);
    assert.deepStrictEqual(waits, [50, 100]);
  });

  it('does not retry a 400', async () => {
    let calls = 0;
    await assert.rejects(
      withRetries(() => (calls++, Promise.reject(Object.assign(new Error('bad'), { statusCode: 400 }))), noWait),
    );
    assert.strictEqual(calls, 1);
  });
});
