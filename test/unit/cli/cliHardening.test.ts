import * as assert from 'assert';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { createServer, Server } from 'net';
import * as path from 'path';
import { describeError } from '../../../src/core/errors/userError';
import { redactText } from '../../../src/core/http/redact';
import { testServer } from '../http/testServers';
import { describeGrowth, measureGrowth } from '../growth';
import { useTempDir } from '../tempDir';
import { captureCli } from './captureCli';
import { runCli } from './runCli';

/** What a user must never see on bad input: a stack frame or Node's raw wording. */
const RAW = /^\s+at |ENOENT:|EADDRINUSE|ERR_SOCKET|TypeError|RangeError|Invalid array length|Cannot read properties/m;

function assertOneClearLine(result: { status: number | null; stderr: string }, expected: RegExp): void {
  assert.strictEqual(result.status, 2, result.stderr);
  assert.match(result.stderr, expected);
  assert.doesNotMatch(result.stderr, RAW);
}

describe('oew on hostile input: secrets, bounds and raw errors (dist/cli.js)', function () {
  this.timeout(30_000);
  const dir = useTempDir();

  it('names an unknown option without its value', async () => {
    const result = await runCli(['send', '--secret=S3CRET', 'http://127.0.0.1:1/']);
    assertOneClearLine(result, /unknown option --secret\n/);
    assert.doesNotMatch(result.stderr, /S3CRET/);
  });

  it('hides the password of a URL it refuses, parseable or not, even with a slash in it', async () => {
    const forward = await runCli(['inbox', '--forward', 'ftp://u:PW1234@x/']);
    assertOneClearLine(forward, /forward address/);
    const unparseable = await runCli(['send', '--template', 'custom', 'http://u:P/W1234@[bad/']);
    assertOneClearLine(unparseable, /is not a URL/);
    for (const output of [forward.stderr, unparseable.stderr]) {
      assert.doesNotMatch(output, /PW1234|W1234/);
    }
  });

  it('shows a dry run with secret headers and JSON fields hidden', async () => {
    const body = path.join(dir(), 'body.json');
    writeFileSync(body, '{"password":"hunter2-secret","count":1}');
    const result = await runCli([
      'send',
      '--template',
      'custom',
      '--header',
      'X-Api-Key: key-secret-1234',
      '--body',
      body,
      '--dry-run',
      'http://127.0.0.1:1/hook?token=query-secret-1234',
    ]);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /hunter2-secret|key-secret-1234|query-secret-1234/);
    assert.match(result.stdout, /X-Api-Key: <redacted>/);
    assert.match(result.stdout, /"count":1/);
  });

  it('bounds every whole-number option, with the range in the message', async () => {
    const cases: [string[], RegExp][] = [
      [['send', '--template', 'custom', '--timeout-ms', '2147483648', 'http://127.0.0.1:1/'], /from 1 to 3600000/],
      [['send', '--template', 'custom', '--burst', '1000000000', 'http://127.0.0.1:1/'], /--burst takes a whole/],
      [['inbox', '--capacity', '1e12'], /--capacity takes a whole number from 1 to 100000/],
      [['inbox', '--port', '70000'], /--port takes a whole number from 0 to 65535/],
      [['emulator', '--compartments', '99999999'], /--compartments .*whole number from 1 to 10000/],
      [['emulator', '--time-scale', '1e400'], /--time-scale .*number from 0.001 to 1000/],
    ];
    for (const [args, expected] of cases) {
      assertOneClearLine(await runCli(args), expected);
    }
  });

  it('refuses an endless body file at the size bound instead of reading it all', async () => {
    const result = await runCli(['send', '--template', 'custom', '--body', '/dev/zero', 'http://127.0.0.1:1/']);
    assertOneClearLine(result, /body file \/dev\/zero is larger than 16 MB/);
  });

  it('says a port is taken, for the inbox and the emulator, in one line', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      for (const command of ['inbox', 'emulator']) {
        const result = await runCli([command, '--port', port]);
        assertOneClearLine(result, new RegExp(`Port ${port}.* (is|already) in use\\. .*(C|c)hoose another port`));
        assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
      }
    } finally {
      taken.close();
    }
  });

  it('says a state folder that is a file cannot be used', async () => {
    const file = path.join(dir(), 'not-a-folder');
    writeFileSync(file, 'x');
    for (const command of ['inbox', 'emulator']) {
      const result = await runCli([command, '--state-dir', file]);
      assertOneClearLine(result, /not-a-folder/);
      // Under /proc, mkdir's recursive mode retries forever; both make their folders one level at a time.
      assertOneClearLine(await runCli([command, '--state-dir', '/proc/oew-state']), /\/proc\/oew-state/);
    }
  });

  it('goes on to the next file when one of several cannot be read', async () => {
    const good = path.join(dir(), 'good.condition.json');
    writeFileSync(good, '{"eventType": "com.oraclecloud.computeapi.launchinstance.end", }');
    const result = await runCli(['check', path.join(dir(), 'missing.condition.json'), good]);
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /missing\.condition\.json: no such file or folder/);
    assert.match(result.stdout, /good\.condition\.json:1:\d+: error/);
  });
});

describe('oew on hostile input, in-process: secrets, bounds, raw errors and one line', () => {
  const dir = useTempDir();
  const saved = { ...process.env };
  beforeEach(() => (process.env.XDG_CONFIG_HOME = path.join(dir(), 'config')));
  afterEach(() => {
    for (const name of Object.keys(process.env).filter((n) => !(n in saved))) {
      delete process.env[name];
    }
    Object.assign(process.env, saved);
  });
  const shows = (result: { stdout: string; stderr: string }, secret: string) =>
    `${result.stdout}${result.stderr}`.includes(secret);

  it('names an unknown option without its value, in every command that takes options', async () => {
    for (const command of ['send', 'inbox', 'emulator', 'match', 'xpath']) {
      const result = await captureCli([command, '--secret-key=S3CRET', 'x']);
      assert.strictEqual(result.status, 2, command);
      assert.match(result.stderr, /^oew \w+: unknown option --secret-key[;\n]/, command);
      assert.ok(!shows(result, 'S3CRET'), result.stderr);
    }
  });

  it('hides in a dry run what {{env:…}} read, secret headers and fields, and URL secrets, also of a URL it refuses', async () => {
    process.env.OEW_TEST_ENV_SECRET = 'ENVVALUE123';
    const body = path.join(dir(), 'body.json');
    writeFileSync(body, '{"password":"PW0RD","user":"{{env:OEW_TEST_ENV_SECRET}}","count":1}');
    const dryRun = (url: string) =>
      captureCli([
        'send',
        '--template',
        'oci-event',
        '--body',
        body,
        '--allow-env',
        '--header',
        'X-Api-Key: K3YVALUE',
        '--header',
        'X-Trace: {{env:OEW_TEST_ENV_SECRET}}',
        '--dry-run',
        url,
      ]);
    const dry = await dryRun('https://h/?token=T0KENVALUE');
    assert.strictEqual(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^X-Api-Key: <redacted>$/m);
    assert.match(dry.stdout, /^X-Trace: <redacted>$/m);
    assert.match(dry.stdout, /"user":"<redacted>"/);
    assert.match(dry.stdout, /"count":1/);
    const refused = await dryRun('https://alice:PASSW/RD@[bad/?token=T0KENVALUE');
    assert.strictEqual(refused.status, 2);
    assert.strictEqual(refused.stderr, 'oew send: "https://alice:<redacted>@[bad/?token=<redacted>" is not a URL.\n');
    for (const secret of ['ENVVALUE123', 'PW0RD', 'K3YVALUE', 'T0KENVALUE', 'PASSW/RD']) {
      assert.ok(!shows(dry, secret) && !shows(refused, secret), secret);
    }
  });

  it('refuses a URL that does not parse in one line, for a burst and a dry run as for one send', async () => {
    for (const extra of [['--burst', '2'], ['--dry-run'], []]) {
      const result = await captureCli(['send', '--template', 'custom', ...extra, 'http://[']);
      assert.strictEqual(result.status, 2, extra.join(' '));
      assert.strictEqual(result.stderr, 'oew send: "http://[" is not a URL.\n');
    }
  });

  it('prints a redirect without the token in its Location', async () => {
    const server = await testServer((request, response) => {
      if (request.url.startsWith('/next')) {
        response.end('{"ok":true}');
      } else {
        response.writeHead(302, { Location: '/next?token=T0KENVALUE&page=2' }).end();
      }
    });
    try {
      const result = await captureCli(['send', '--template', 'oci-event', server.url]);
      assert.strictEqual(result.status, 0, result.stderr);
      assert.match(result.stderr, /redirected 302 → \S*\/next\?token=<redacted>&page=2/);
      assert.ok(!shows(result, 'T0KENVALUE'));
    } finally {
      await server.close();
    }
  });

  it('bounds every other whole-number option too, with the range in the message', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['send', '--template', 'custom', '--max-redirects', '101', 'http://h/'],
        /--max-redirects takes a whole number from 0 to 100,/,
      ],
      [
        ['send', '--template', 'custom', '--max-response-bytes', '1e12', 'http://h/'],
        /--max-response-bytes takes a whole number from 1 to 536870912,/,
      ],
      [
        ['send', '--template', 'custom', '--concurrency', '100000', 'http://h/'],
        /--concurrency takes a whole number from 1 to \d+,/,
      ],
      [['inbox', '--max-body-bytes', '99999999999'], /--max-body-bytes takes a whole number from 0 to 67108864,/],
      [['inbox', '--delay-ms', '1e10'], /--delay-ms takes a whole number from 0 to 600000,/],
      [['inbox', '--status', '1000'], /--status takes a whole number from 200 to 999,/],
      [['emulator', '--port', '65536'], /--port must be a whole number from 0 to 65535,/],
      [
        ['emulator', '--rules-per-compartment', '1e9'],
        /--rules-per-compartment must be a whole number from 0 to 1000,/,
      ],
      [['emulator', '--latency-ms', '2147483648'], /--latency-ms must be a whole number from 0 to 60000,/],
      [['emulator', '--fault-429-every', '1e12'], /--fault-429-every must be a whole number from 0 to 1000000,/],
      [['emulator', '--fault-5xx-rate', '2'], /--fault-5xx-rate must be a number from 0 to 1,/],
    ];
    for (const [args, expected] of cases) {
      const result = await captureCli(args);
      assert.strictEqual(result.status, 2, args.join(' '));
      assert.match(result.stderr, expected);
      assert.strictEqual(result.stdout, '');
    }
  });

  it('checks every file given, one unreadable, one too deep: each said, the others checked, exit 2', async () => {
    const deep = path.join(dir(), 'deep.condition.json');
    writeFileSync(deep, `${'{"data":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    const bad = path.join(dir(), 'bad.condition.json');
    writeFileSync(bad, '{"eventType": []}');
    const missing = path.join(dir(), 'missing.condition.json');
    const result = await captureCli(['check', missing, deep, bad]);
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stderr, `oew check: Cannot read the input file: ${missing}: no such file or folder.\n`);
    assert.match(result.stdout, /^.*deep\.condition\.json:1:\d+: error too-deep: /m);
    assert.match(result.stdout, /^.*bad\.condition\.json:1:15: error empty-array: /m);
  });

  it("says in one line what is wrong with the workspace's .oew/event-types.json, checks the files without it, and exits 2", async () => {
    const condition = path.join(dir(), 'c.condition.json');
    writeFileSync(condition, '{"eventType": "com.example.mine.created"}');
    mkdirSync(path.join(dir(), '.oew'));
    const types = path.join(dir(), '.oew', 'event-types.json');
    const cases: [() => void, string][] = [
      [
        () => writeFileSync(types, '["com.example.mine.created",]'),
        '.oew/event-types.json, line 1, column 29: not valid JSON (value expected).',
      ],
      [() => writeFileSync(types, '[{"eventType": 1}]'), '.oew/event-types.json: item 1 has no "eventType" string.'],
      [
        () => (rmSync(types), mkdirSync(types)),
        'Cannot read the event types file: .oew/event-types.json: is a folder, not a file.',
      ],
    ];
    for (const [make, message] of cases) {
      make();
      const result = await captureCli(['check', condition], dir());
      assert.strictEqual(result.status, 2, message);
      assert.strictEqual(result.stderr, `oew check: ${message}\n`);
      assert.match(result.stdout, /warning unknown-event-type: "com\.example\.mine\.created"/);
    }
  });

  it("refuses, in one line, a condition or an event that is no JSON object, and writes a value's line breaks as escapes", async () => {
    const file = (name: string, text: string) => (writeFileSync(path.join(dir(), name), text), path.join(dir(), name));
    const event = file('e.json', '{"eventType": "a"}');
    const cases: [string[], string][] = [
      [
        ['match', '--condition', file('c.json', '[]'), '--event', event],
        `${path.join(dir(), 'c.json')}: A rule condition is a JSON object, such as {"eventType": "…"}.`,
      ],
      [
        ['match', '--condition', file('r.rule.json', '{"condition": "{\\"a\\": }"}'), '--event', event],
        `${path.join(dir(), 'r.rule.json')}: its condition string, line 1, column 7: not valid JSON (value expected).`,
      ],
      [
        ['match', '--condition', file('c2.json', '{}'), '--event', file('e2.json', '"event"')],
        `${path.join(dir(), 'e2.json')}: an event is a JSON object, such as {"eventType": "…", "data": {…}}.`,
      ],
      [
        ['match', '--condition', file('c3.json', '{"a": }'), '--event', event],
        `${path.join(dir(), 'c3.json')}, line 1, column 7: not valid JSON (value expected).`,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await captureCli(args);
      assert.strictEqual(result.status, 2, message);
      assert.strictEqual(result.stderr, `oew match: ${message}\n`);
    }
    const check = await captureCli(['check', file('n.condition.json', '{"eventType": "a\\nb\\u2028c"}')]);
    assert.match(check.stdout, /warning unknown-event-type: "a\\nb\\u2028c" is not a known event type/);
    assert.strictEqual(check.stdout.split('\n').length, 2, check.stdout);
  });
});

describe('describeError', () => {
  it('names a loop of symbolic links and a name too long, not by their codes', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw`), { code, path: '/f' });
    assert.strictEqual(describeError(error('ELOOP')).cause, '/f: a loop of symbolic links.');
    assert.strictEqual(describeError(error('ENAMETOOLONG')).cause, '/f: a name in the path is too long.');
  });

  it("reads a stack overflow as input nested too deeply, never as the engine's message", () => {
    const overflow = (n: number): number => overflow(n + 1) + 1;
    let thrown: unknown;
    try {
      overflow(0);
    } catch (err) {
      thrown = err;
    }
    assert.deepStrictEqual(describeError(thrown), {
      cause: 'The input nests too deeply to be read.',
      nextStep: 'Flatten it: real conditions, rules, filters and payloads nest a few levels.',
    });
  });
});

describe('redactText', () => {
  it('hides URL passwords and secret query values in free text, and leaves the rest', () => {
    assert.strictEqual(
      redactText('failed: GET https://u:p/a:ss@host/x?token=abc&page=2 (see http://example.com/a:b)'),
      'failed: GET https://u:<redacted>@host/x?token=<redacted>&page=2 (see http://example.com/a:b)',
    );
  });

  it('hides the value of a secret-named --option=value, and keeps the quotes around a word', () => {
    assert.strictEqual(
      redactText('unexpected "--client-secret=S3CRET" and --count=3'),
      'unexpected "--client-secret=<redacted>" and --count=3',
    );
    assert.strictEqual(
      redactText(`"http://u:pw@[bad/?token=abc" or 'x?api_key=k'`),
      `"http://u:<redacted>@[bad/?token=<redacted>" or 'x?api_key=<redacted>'`,
    );
  });

  it('runs in linear time on text made to make a regex backtrack', () => {
    const growth = measureGrowth(
      [4_000, 8_000, 16_000, 32_000],
      (n) => '//:'.repeat(n / 3) + ' a://' + ':@'.repeat(n / 2) + '?&='.repeat(n / 3),
      (text) => redactText(text),
    );
    assert.ok(growth.slope < 1.5, describeGrowth(growth));
  });
});
