import * as assert from 'assert';
import { generateKeyPairSync } from 'crypto';
import { readFileSync } from 'fs';
import { DefaultRequestSigner, Region, SimpleAuthenticationDetailsProvider } from 'oci-common';
import { useEmulator } from './sdkHelpers';

interface Signed {
  headers: Headers;
  body?: string;
}

describe('emulator: request signatures', () => {
  const ctx = useEmulator({ dataset: 'demo' });

  /** Signs as the SDK does, with the emulator profile's key unless another is given. */
  async function sign(
    method: string,
    path: string,
    body?: string,
    options: { key?: string; date?: Date } = {},
  ): Promise<Signed> {
    const { identity, state } = ctx.emulator;
    const [, , fingerprint] = identity.keyId.split('/');
    const key = options.key ?? readFileSync(`${identity.folder}/emulator_api_key.pem`, 'utf8');
    const provider = new SimpleAuthenticationDetailsProvider(
      state.tenancy.id,
      identity.user,
      fingerprint,
      key,
      null,
      Region.US_ASHBURN_1,
    );
    const headers = new Headers();
    if (options.date) {
      headers.set('x-date', options.date.toUTCString());
    }
    await new DefaultRequestSigner(provider).signHttpRequest({
      method,
      uri: ctx.emulator.server.url + path,
      headers,
      body,
    } as never);
    return { headers, body };
  }

  async function send(
    method: string,
    path: string,
    signed: Signed,
  ): Promise<{ status: number; code?: string; message?: string }> {
    const response = await fetch(ctx.emulator.server.url + path, {
      method,
      headers: signed.headers,
      body: signed.body,
    });
    const text = await response.text();
    return { status: response.status, ...(text ? (JSON.parse(text) as { code: string; message: string }) : {}) };
  }

  const rulesPath = () => `/20181201/rules?compartmentId=${encodeURIComponent(ctx.emulator.state.tenancy.id)}`;
  const ruleBody = () =>
    JSON.stringify({
      displayName: 'signed',
      compartmentId: ctx.emulator.state.tenancy.id,
      isEnabled: true,
      condition: '{}',
      actions: { actions: [{ actionType: 'ONS', isEnabled: true, topicId: 'ocid1.onstopic.oc1.iad.aaaaaaaax' }] },
    });

  it('accepts a request signed as the SDK signs it', async () => {
    assert.strictEqual((await send('GET', rulesPath(), await sign('GET', rulesPath()))).status, 200);
    assert.strictEqual(
      (await send('POST', '/20181201/rules', await sign('POST', '/20181201/rules', ruleBody()))).status,
      200,
    );
  });

  it('rejects a body changed after signing: x-content-sha256 no longer matches', async () => {
    const signed = await sign('POST', '/20181201/rules', ruleBody());
    const result = await send('POST', '/20181201/rules', { ...signed, body: ruleBody().replace('signed', 'SIGNED') });
    assert.deepStrictEqual([result.status, result.code], [401, 'NotAuthenticated']);
    assert.match(result.message!, /x-content-sha256 does not match/);
  });

  it('rejects a signature made with another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    const result = await send('GET', rulesPath(), await sign('GET', rulesPath(), undefined, { key: other }));
    assert.deepStrictEqual([result.status, result.code], [401, 'NotAuthenticated']);
    assert.match(result.message!, /does not verify/);
  });

  it('rejects a request whose Authorization does not sign the host', async () => {
    const signed = await sign('GET', rulesPath());
    signed.headers.set(
      'authorization',
      signed.headers.get('authorization')!.replace('(request-target) host', '(request-target)'),
    );
    const result = await send('GET', rulesPath(), signed);
    assert.strictEqual(result.status, 401);
    assert.match(result.message!, /not signed: host/);
  });

  it('rejects a POST that leaves x-content-sha256 unsigned', async () => {
    const signed = await sign('POST', '/20181201/rules', ruleBody());
    signed.headers.set('authorization', signed.headers.get('authorization')!.replace(' x-content-sha256', ''));
    const result = await send('POST', '/20181201/rules', signed);
    assert.strictEqual(result.status, 401);
    assert.match(result.message!, /not signed: x-content-sha256/);
  });

  it('rejects a date 6 minutes off, and accepts one 4 minutes off', async () => {
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const late = await send('GET', rulesPath(), await sign('GET', rulesPath(), undefined, { date: at(6) }));
    assert.strictEqual(late.status, 401);
    assert.match(late.message!, /more than 5 minutes/);
    assert.strictEqual(
      (await send('GET', rulesPath(), await sign('GET', rulesPath(), undefined, { date: at(4) }))).status,
      200,
    );
  });

  it('rejects an unsigned request', async () => {
    const result = await send('GET', rulesPath(), { headers: new Headers() });
    assert.deepStrictEqual([result.status, result.code], [401, 'NotAuthenticated']);
  });
});
