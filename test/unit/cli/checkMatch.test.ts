import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../fixtures';
import { useTempDir } from '../tempDir';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const CREATE = 'com.oraclecloud.objectstorage.createobject';

describe('oew check and oew match (dist/cli.js)', () => {
  const dir = useTempDir();

  function file(name: string, content: unknown): string {
    const full = path.join(dir(), name);
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return full;
  }

  function oew(...args: string[]) {
    return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir() });
  }

  describe('check', () => {
    it('prints PATH:LINE:COL: SEVERITY CODE: MESSAGE, 1-based, and exits 1 on errors', () => {
      const bad = file('bad.condition.json', `{\n  "eventType": [],\n  "resourceName": "x"\n}\n`);
      const result = oew('check', bad);
      assert.strictEqual(result.status, 1);
      const lines = result.stdout.trim().split('\n');
      assert.deepStrictEqual(
        lines.map((l) => /^(.*?:\d+:\d+: \w+ [\w-]+):/.exec(l)?.[1]),
        [`${bad}:2:16: error empty-array`, `${bad}:3:3: warning misplaced-data-field`],
      );
      assert.strictEqual(result.stderr, '');
    });

    it('exits 0 when there are only warnings, or nothing', () => {
      const warn = file('warn.json', { eventType: 'com.oraclecloud.objectstorage.createobjekt' });
      const good = file('good.condition.json', { eventType: CREATE });
      const result = oew('check', warn, good);
      assert.strictEqual(result.status, 0);
      assert.match(
        result.stdout,
        /warning unknown-event-type: .*did you mean "com\.oraclecloud\.objectstorage\.createobject"/,
      );
      assert.ok(!result.stdout.includes('good.condition.json'));
    });

    it('checks the condition inside a rule document, at its place in the file', () => {
      const rule = file(
        'bucket.rule.json',
        `{\n  "displayName": "r",\n  "condition": {\n    "eventType": "com.oraclecloud.objectstorage.CreateObject"\n  }\n}\n`,
      );
      const result = oew('check', rule);
      assert.match(
        result.stdout,
        new RegExp(`^${rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:18: warning event-type-case:`, 'm'),
      );
    });

    it('checks a rule document whose condition is a JSON string, as the API holds it', () => {
      const rule = file('api.rule.json', { displayName: 'r', condition: '{"eventType": []}' });
      const result = oew('check', rule);
      assert.strictEqual(result.status, 1);
      assert.match(result.stdout, /error empty-array/);
    });

    it('knows the workspace’s own event types from .oew/event-types.json', () => {
      mkdirSync(path.join(dir(), '.oew'));
      file('.oew/event-types.json', ['com.example.mine.created']);
      const result = oew('check', file('mine.json', { eventType: 'com.example.mine.created' }));
      assert.strictEqual(result.stdout, '');
      assert.strictEqual(result.status, 0);
    });

    it('exits 2 with one line on a missing file or no file', () => {
      for (const args of [['check', path.join(dir(), 'nope.json')], ['check']]) {
        const result = oew(...args);
        assert.strictEqual(result.status, 2);
        assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.ok(!result.stderr.includes('    at '), 'no stack trace');
      }
    });
  });

  describe('match', () => {
    const event = {
      eventType: CREATE,
      data: { resourceName: 'file_chunk/X_VAULT_1', additionalDetails: { bucketName: 'RMAN_BCS' } },
    };

    it('prints "match" first, then the trace, and exits 0', () => {
      const result = oew(
        'match',
        '--condition',
        file('c.json', { eventType: [CREATE], data: { resourceName: 'file_chunk/*VAULT*' } }),
        '--event',
        file('e.json', event),
      );
      assert.strictEqual(result.status, 0);
      assert.strictEqual(result.stderr, '');
      const lines = result.stdout.split('\n');
      assert.strictEqual(lines[0], 'match');
      assert.match(lines[1], /match +eventType: .*one of/);
      assert.match(
        lines[2],
        /data\.resourceName: condition "file_chunk\/\*VAULT\*", event "file_chunk\/X_VAULT_1" \(wildcard\)/,
      );
    });

    it('prints "no match" with the failing clause and exits 1', () => {
      const result = oew(
        'match',
        '--condition',
        file('c.json', { eventType: CREATE, data: { additionalDetails: { bucketName: 'other' } } }),
        '--event',
        file('e.json', event),
      );
      assert.strictEqual(result.status, 1);
      assert.strictEqual(result.stdout.split('\n')[0], 'no match');
      assert.match(result.stdout, /no match data\.additionalDetails\.bucketName: condition "other", event "RMAN_BCS"/);
    });

    it('takes the condition of a rule document', () => {
      const rule = file('r.rule.json', { displayName: 'r', condition: JSON.stringify({ eventType: CREATE }) });
      assert.strictEqual(oew('match', '--condition', rule, '--event', file('e.json', event)).status, 0);
    });

    it('exits 2 with one line and nothing on stdout on invalid input', () => {
      for (const args of [
        ['match', '--condition', file('broken.json', '{"eventType": '), '--event', file('e.json', event)],
        ['match', '--condition', file('empty.json', {}), '--event', path.join(dir(), 'missing.json')],
        ['match', '--condition', file('empty.json', {})],
        ['match', '--bogus', 'x'],
      ]) {
        const result = oew(...args);
        assert.strictEqual(result.status, 2, args.join(' '));
        assert.strictEqual(result.stdout, '');
        assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
      }
    });
  });
});
