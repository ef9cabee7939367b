import * as assert from 'assert';
import { EnvApprovals } from '../../../src/core/variables/envApprovals';
import { parseEnvironments, resolveEnvironment } from '../../../src/core/variables/environments';
import { envReferences, expandVariables, newScope, VariableError } from '../../../src/core/variables/variables';

const processEnv = (name: string) => ({ OIC_TOKEN: 'tok-123', REGION: 'eu-frankfurt-1' })[name];

describe('Request variables', () => {
  it('expands {{uuid}} to one value per request and {{now}} to its ISO time', () => {
    const scope = newScope({}, { now: new Date('2026-11-28T01:02:03.004Z') });
    const text = expandVariables('{"id":"{{uuid}}","again":"{{ uuid }}","at":"{{now}}"}', scope);
    const value = JSON.parse(text) as Record<string, string>;
    assert.match(value.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.strictEqual(value.again, value.id);
    assert.strictEqual(value.at, '2026-11-28T01:02:03.004Z');
    assert.notStrictEqual(expandVariables('{{uuid}}', newScope()), value.id);
  });

  it('fills names from the selected environment and names every unknown one in the message', () => {
    const scope = newScope({ inbox: 'http://127.0.0.1:8080' }, { origin: 'the URL' });
    assert.strictEqual(expandVariables('{{inbox}}/hook', scope), 'http://127.0.0.1:8080/hook');
    assert.throws(
      () => expandVariables('{{host}}/{{path}}', scope),
      /Unknown variables \{\{host\}\}, \{\{path\}\} in the URL: define them in the selected environment/,
    );
  });

  it('expands {{env:NAME}} only where the scope may read the environment, and says which names wait for approval', () => {
    assert.strictEqual(expandVariables('Bearer {{env:OIC_TOKEN}}', newScope({}, { processEnv })), 'Bearer tok-123');
    assert.throws(
      () => expandVariables('Bearer {{env:OIC_TOKEN}}', newScope({}, { origin: '.oew/requests/a.json' })),
      (err: unknown) =>
        err instanceof VariableError &&
        err.needsApproval.join() === 'OIC_TOKEN' &&
        /\.oew\/requests\/a\.json reads environment variables \(\{\{env:OIC_TOKEN\}\}\); approve the file once/.test(
          err.message,
        ),
    );
    assert.throws(() => expandVariables('{{env:MISSING}}', newScope({}, { processEnv })), /MISSING is not set/);
    assert.deepStrictEqual(envReferences('{{env:B}} {{env:A}} {{env:B}} {{a}}'), ['A', 'B']);
  });

  it('asks again when an approved file reads a new variable or changes at all, and trusts no hand-made entry', () => {
    const file = '.oew/environments.json';
    const text = '{"environments":{"oic":{"token":"{{env:OIC_TOKEN}}","url":"https://oic.example.com"}}}';
    const approvals = new EnvApprovals();
    assert.deepStrictEqual(approvals.missing(file, text, ['OIC_TOKEN']), ['OIC_TOKEN']);
    approvals.approve(file, text, ['OIC_TOKEN']);
    assert.deepStrictEqual(approvals.missing(file, text, ['OIC_TOKEN']), []);
    assert.deepStrictEqual(approvals.missing(file, text, ['OIC_TOKEN', 'AWS_SECRET']), ['AWS_SECRET']);
    const pulled = text.replace('oic.example.com', 'attacker.example.net');
    assert.deepStrictEqual(approvals.missing(file, pulled, ['OIC_TOKEN']), ['OIC_TOKEN'], 'a changed file asks again');
    assert.deepStrictEqual(approvals.missing('.oew/requests/other.json', text, ['OIC_TOKEN']), ['OIC_TOKEN']);
    const restored = new EnvApprovals(JSON.parse(JSON.stringify(approvals)));
    assert.deepStrictEqual(restored.missing(file, text, ['OIC_TOKEN']), []);
    for (const damaged of [null, 'x', { [file]: 'OIC_TOKEN' }, { [file]: { names: ['OIC_TOKEN'] } }]) {
      assert.deepStrictEqual(new EnvApprovals(damaged).missing(file, text, ['OIC_TOKEN']), ['OIC_TOKEN']);
    }
  });

  it('reads .oew/environments.json with comments, and resolves an environment’s {{env:…}} only when the caller may read the environment', () => {
    const environments = parseEnvironments(`{
      // shared through git
      "environments": {
        "local": { "inbox": "http://127.0.0.1:8080", "port": 8080 },
        "oic": { "token": "{{env:OIC_TOKEN}}", "region": "{{env:REGION}}" },
      }
    }`);
    assert.deepStrictEqual(environments.local, { inbox: 'http://127.0.0.1:8080', port: '8080' });
    const file = '.oew/environments.json';
    assert.throws(() => resolveEnvironment(environments, 'oic', { file }), /approve the file once/);
    assert.deepStrictEqual(resolveEnvironment(environments, 'oic', { file, processEnv }), {
      token: 'tok-123',
      region: 'eu-frankfurt-1',
    });
    assert.throws(
      () => resolveEnvironment(environments, 'prod', { file }),
      /no environment "prod" .*; it has local, oic/,
    );
  });

  it('reports a malformed environments file by line, and a wrong shape by what is expected', () => {
    assert.throws(
      () => parseEnvironments('{\n "environments": {\n  "a": {"x": }\n }\n}'),
      /environments\.json, line 3, column 14: not valid JSON \(value expected\)\./,
    );
    assert.throws(() => parseEnvironments('{"envs": {}}'), /needs an "environments" object/);
    assert.throws(() => parseEnvironments('{"environments": {"a": {"x": {"nested": 1}}}}'), /"a\.x" must be a string/);
  });
});
