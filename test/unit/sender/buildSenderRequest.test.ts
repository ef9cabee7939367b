import * as assert from 'assert';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { referenceCatalog } from '../../../src/core/fusion/referenceCatalog';
import { buildSenderRequest } from '../../../src/core/sender/buildSenderRequest';
import { emptySenderRequest, SenderRequest } from '../../../src/core/sender/senderTypes';
import { VariableError } from '../../../src/core/variables/variables';

const context = { catalogue: EventTypeCatalogue.builtin(), fusionEvents: referenceCatalog() };

function request(change: Partial<SenderRequest>): SenderRequest {
  return { ...emptySenderRequest(), url: 'http://127.0.0.1:9/hook', ...change };
}

describe('buildSenderRequest (the panel form → the core template builder)', () => {
  it('builds the chosen template with its fields, expanding environment values in the URL and headers', () => {
    const build = buildSenderRequest({
      request: request({
        url: '{{inbox}}/events',
        fields: { eventType: 'com.oraclecloud.computeapi.launchinstance.end' },
        headers: [
          { name: 'X-Trace', value: '{{trace}}', enabled: true },
          { name: 'X-Off', value: 'never sent', enabled: false },
        ],
      }),
      secrets: {},
      values: { inbox: 'http://127.0.0.1:7777', trace: 'abc' },
      context,
    });
    const sent = build.next();
    assert.strictEqual(sent.url, 'http://127.0.0.1:7777/events');
    assert.strictEqual(sent.headers['X-Trace'], 'abc');
    assert.ok(!('X-Off' in sent.headers), 'a disabled header row is not sent');
    const event = JSON.parse(sent.body.toString('utf8')) as { eventType: string; eventID: string };
    assert.strictEqual(event.eventType, 'com.oraclecloud.computeapi.launchinstance.end');
    assert.notStrictEqual(
      (JSON.parse(build.next().body.toString('utf8')) as { eventID: string }).eventID,
      event.eventID,
    );
  });

  it('names an unknown variable instead of sending it as written', () => {
    assert.throws(
      () => buildSenderRequest({ request: request({ url: '{{nowhere}}/x' }), secrets: {}, values: {}, context }).next(),
      (err: unknown) => err instanceof VariableError && /\{\{nowhere\}\}/.test(err.message),
    );
  });

  it('sends the custom template with the form’s method and body', () => {
    const sent = buildSenderRequest({
      request: request({
        template: 'custom',
        method: 'PUT',
        body: '{"a":1}',
        fields: { contentType: 'application/json' },
      }),
      secrets: {},
      values: {},
      context,
    }).next();
    assert.strictEqual(sent.method, 'PUT');
    assert.strictEqual(sent.body.toString('utf8'), '{"a":1}');
    assert.strictEqual(sent.headers['Content-Type'], 'application/json');
  });

  it('leaves a body typed for another template in the form, unused, rather than failing every send', () => {
    const sent = buildSenderRequest({
      request: request({ template: 'cloudpods-validate', body: '{"left":"over"}' }),
      secrets: {},
      values: {},
      context,
    }).next();
    assert.ok(!sent.body.toString('utf8').includes('left'));
  });

  it('sends a body as written when asked, such as a captured one holding {{handlebars}}', () => {
    const base = request({ template: 'custom', body: '{"greeting":"{{name}}"}' });
    assert.throws(() => buildSenderRequest({ request: base, secrets: {}, values: {}, context }).next(), VariableError);
    const sent = buildSenderRequest({ request: { ...base, rawBody: true }, secrets: {}, values: {}, context }).next();
    assert.strictEqual(sent.body.toString('utf8'), '{"greeting":"{{name}}"}');
  });

  it('refuses to send what history hid, and counts what {{env:…}} read among the secrets to hide', () => {
    assert.throws(
      () =>
        buildSenderRequest({
          request: request({ url: 'http://127.0.0.1:9/x?api_key=<redacted>' }),
          secrets: {},
          values: {},
          context,
        }).next(),
      /holds <redacted> where history or a saved request hid a secret/,
    );
    const build = buildSenderRequest({
      request: request({ headers: [{ name: 'X-Trace', value: '{{env:TRACE_TOKEN}}', enabled: true }] }),
      secrets: {},
      values: {},
      processEnv: (name) => (name === 'TRACE_TOKEN' ? 'env-secret-1' : undefined),
      context,
    });
    assert.strictEqual(build.next().headers['X-Trace'], 'env-secret-1');
    assert.deepStrictEqual(build.secrets, ['env-secret-1']);
  });

  it('turns the Auth section into the core’s credentials, asking for the missing secret', () => {
    const basic = request({ auth: { kind: 'basic', username: 'ann' } });
    assert.throws(() => buildSenderRequest({ request: basic, secrets: {}, values: {}, context }), /needs a password/);
    const build = buildSenderRequest({ request: basic, secrets: { auth: 'pw-1234' }, values: {}, context });
    assert.deepStrictEqual(build.auth, { kind: 'basic', username: 'ann', password: 'pw-1234' });
    assert.deepStrictEqual(build.secrets, ['pw-1234']);
    const oauth = buildSenderRequest({
      request: request({ auth: { kind: 'oauth2', tokenUrl: 'https://idcs.example/token', clientId: 'c', scope: '' } }),
      secrets: { auth: 'cs-5678' },
      values: {},
      context,
    });
    assert.deepStrictEqual(oauth.auth, {
      kind: 'oauth2',
      tokenUrl: 'https://idcs.example/token',
      clientId: 'c',
      clientSecret: 'cs-5678',
    });
  });

  it('ignores oic-rest’s own auth fields: the Auth section stands for them', () => {
    const sent = buildSenderRequest({
      request: request({ template: 'oic-rest', fields: { auth: 'basic', username: 'x' } }),
      secrets: {},
      values: {},
      context,
    }).next();
    assert.strictEqual(sent.auth, undefined);
  });

  it('signs a Cloudpods call with the robot secret from the template secret', () => {
    const sent = buildSenderRequest({
      request: request({ template: 'cloudpods-validate' }),
      secrets: { template: 'robot-secret' },
      values: {},
      context,
    }).next();
    assert.strictEqual(sent.headers['X-Yunion-Event'], 'VALIDATE');
    assert.match(sent.headers['X-Auth-Token'] ?? '', /^[0-9a-f]{64}$/);
  });
});
