import * as assert from 'assert';
import { DOMParser } from '@xmldom/xmldom';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { useTempDir } from '../tempDir';
import { poPayload, SEED_FILTER } from '../xpath/fixtures';
import { captureCli } from './captureCli';

const UPLOAD = 'com.oraclecloud.objectstorage.createobject';

describe('oew test', () => {
  const dir = useTempDir();
  const write = (relative: string, content: unknown) => {
    const file = path.join(dir(), relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };

  beforeEach(() => {
    write('.oew/samples/upload.json', { eventType: UPLOAD, data: { additionalDetails: { bucketName: 'invoices' } } });
    write('rules/uploads.rule.json', { displayName: 'uploads', condition: { eventType: UPLOAD } });
    write('filters/po.xpathfilter', SEED_FILTER);
    write('payloads/lan.xml', poPayload());
    write('.oew/tests/uploads.eventtest.json', {
      rule: '../../rules/uploads.rule.json',
      cases: [{ name: 'upload', event: '../samples/upload.json', expect: 'match' }],
    });
    write('.oew/tests/po.eventtest.json', {
      filter: '../../filters/po.xpathfilter',
      cases: [
        { name: 'lan cable', payload: '../../payloads/lan.xml', expect: true },
        { name: 'monitor', payload: poPayload({ item: 'Monitor' }), expect: false },
      ],
    });
  });

  it('runs every test file under the current folder, one line a case, and exits 0 when all pass', async () => {
    const result = await captureCli(['test'], dir());
    assert.strictEqual(result.stderr, '');
    assert.strictEqual(
      result.stdout,
      [
        'pass .oew/tests/po.eventtest.json › lan cable',
        'pass .oew/tests/po.eventtest.json › monitor',
        'pass .oew/tests/uploads.eventtest.json › upload',
        '3 passed, 0 failed',
        '',
      ].join('\n'),
    );
    assert.strictEqual(result.status, 0);
  });

  it('exits 1 on a failing case, with the deciding clause and the trace under it', async () => {
    write('.oew/tests/wrong.eventtest.json', {
      condition: { eventType: UPLOAD, data: { additionalDetails: { bucketName: 'photos' } } },
      cases: [{ name: 'invoices is not photos', event: '../samples/upload.json', expect: 'match' }],
    });
    const result = await captureCli(['test', '.oew/tests/wrong.eventtest.json'], dir());
    assert.strictEqual(result.status, 1);
    const [line, trace] = result.stdout.split('\n');
    assert.strictEqual(
      line,
      'FAIL .oew/tests/wrong.eventtest.json › invoices is not photos: Expected "match", got "no match": data.additionalDetails.bucketName is "invoices", and the condition wants "photos".',
    );
    assert.match(trace, /^ {7}no match data\.additionalDetails\.bucketName/);
    assert.strictEqual(result.stdout.trim().split('\n').pop(), '0 passed, 1 failed');
  });

  it('exits 2 on invalid input: a problem at FILE:LINE:COL, a case that cannot run, no test file, an unknown option', async () => {
    write('broken/a.eventtest.json', '{ "rule": "x.rule.json", "cases": [ { "name": "a", "event": "gone.json" } ] }');
    const broken = await captureCli(['test', 'broken'], dir());
    assert.strictEqual(broken.status, 2);
    assert.strictEqual(
      broken.stderr,
      'oew test: broken/a.eventtest.json:1:37: error: A case needs "expect": "match" or "no match".\n',
    );
    assert.strictEqual(broken.stdout, '0 passed, 0 failed, 1 could not run\n');
    write('missing/b.eventtest.json', {
      condition: { eventType: UPLOAD },
      cases: [{ name: 'b', event: 'gone.json', expect: 'match' }],
    });
    const missing = await captureCli(['test', 'missing'], dir());
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stdout, /^ERROR missing\/b\.eventtest\.json › b: The event cannot be read: .*gone\.json/);
    const none = await captureCli(['test', 'payloads'], dir());
    assert.deepStrictEqual([none.status, none.stderr], [2, 'oew test: no *.eventtest.json file under payloads.\n']);
    const usage = 'Usage: oew test [--coverage] [--reporter junit --output FILE] [PATH…]\n';
    for (const [args, message] of [
      [['--reporter=junit'], 'unknown option --reporter'],
      [
        ['--reporter', 'xml', '--output', 'r.xml'],
        '--reporter takes junit, not "xml" (the lines on stdout are always printed)',
      ],
      [['--reporter', 'junit'], '--reporter junit needs --output FILE, the file to write'],
      [['--output', 'r.xml'], '--output goes with --reporter junit'],
      [['--output'], '--output needs a value'],
    ] as const) {
      const option = await captureCli(['test', ...args], dir());
      assert.deepStrictEqual([option.status, option.stderr], [2, `oew test: ${message}. ${usage}`]);
    }
  });

  it('--coverage prints, per subject, the clauses covered and each one not covered at its line', async () => {
    write('rules/backups.rule.json', {
      displayName: 'backups',
      condition: { eventType: [UPLOAD, 'com.oraclecloud.objectstorage.updateobject'] },
    });
    write('.oew/tests/uploads.eventtest.json', {
      rule: '../../rules/backups.rule.json',
      cases: [{ name: 'upload', event: '../samples/upload.json', expect: 'match' }],
    });
    const result = await captureCli(['test', '--coverage', '.oew/tests/uploads.eventtest.json'], dir());
    assert.strictEqual(result.status, 0);
    assert.deepStrictEqual(result.stdout.split('\n').slice(1), [
      '1 passed, 0 failed',
      'coverage rules/backups.rule.json: 1 of 3 clauses covered (33%)',
      '       rules/backups.rule.json:4:5: not covered: eventType: ["com.oraclecloud.objectstorage.createobject", "com.oraclecloud.objectstorage.updateobject"]: no passing "no match" case fails on this clause alone',
      '       rules/backups.rule.json:6:7: not covered: eventType: "com.oraclecloud.objectstorage.updateobject" (an alternative): no passing "match" case matched it',
      '',
    ]);
  });

  it('--reporter junit --output FILE writes JUnit XML: testsuites, a testsuite per file, a testcase per case, a failure with its trace', async () => {
    write('.oew/tests/wrong.eventtest.json', {
      condition: { eventType: 'com.oraclecloud.objectstorage.deleteobject' },
      cases: [
        { name: 'upload <is> "not" a delete', event: '../samples/upload.json', expect: 'match' },
        { name: 'gone', event: 'gone.json', expect: 'match' },
      ],
    });
    const result = await captureCli(['test', '--reporter', 'junit', '--output', 'report.xml'], dir());
    assert.strictEqual(result.status, 2);
    const doc = new DOMParser().parseFromString(readFileSync(path.join(dir(), 'report.xml'), 'utf8'), 'text/xml');
    const root = doc.documentElement!;
    assert.deepStrictEqual(
      [root.nodeName, root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors')],
      ['testsuites', '5', '1', '1'],
    );
    const suites = Array.from(root.getElementsByTagName('testsuite'));
    assert.deepStrictEqual(
      suites.map((s) => [s.getAttribute('name'), s.getElementsByTagName('testcase').length]),
      [
        ['.oew/tests/po.eventtest.json', 2],
        ['.oew/tests/uploads.eventtest.json', 1],
        ['.oew/tests/wrong.eventtest.json', 2],
      ],
    );
    const [failing, gone] = Array.from(suites[2].getElementsByTagName('testcase'));
    assert.deepStrictEqual(
      [failing.getAttribute('classname'), failing.getAttribute('name'), failing.getAttribute('file')],
      ['.oew/tests/wrong', 'upload <is> "not" a delete', '.oew/tests/wrong.eventtest.json'],
    );
    const failure = failing.getElementsByTagName('failure')[0];
    assert.match(failure.getAttribute('message')!, /^Expected "match", got "no match": eventType is /);
    assert.match(
      failure.textContent ?? '',
      /^no match eventType: condition "com.oraclecloud.objectstorage.deleteobject"/,
    );
    assert.match(gone.getElementsByTagName('error')[0].getAttribute('message')!, /^The event cannot be read: /);
  });
});
