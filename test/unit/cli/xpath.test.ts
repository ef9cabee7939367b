import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../fixtures';
import { useTempDir } from '../tempDir';
import { poFilter, poPayload, SEED_FILTER } from '../xpath/fixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

describe('oew xpath and oew check on filters (dist/cli.js)', () => {
  const dir = useTempDir();

  function file(name: string, content: string): string {
    const full = path.join(dir(), name);
    writeFileSync(full, content);
    return full;
  }

  function oew(...args: string[]) {
    return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir() });
  }

  it('prints true first, then what each path selected, and exits 0', () => {
    const result = oew(
      'xpath',
      '--filter',
      file('po.xpathfilter', SEED_FILTER),
      '--payload',
      file('po.xml', poPayload()),
    );
    assert.strictEqual(result.status, 0);
    assert.deepStrictEqual(result.stdout.split('\n'), [
      'true',
      '  $eventPayload/ns2:result/ns0:Value/ns0:PurchaseOrderLine/ns0:ItemDescription → 1 node: "Lan Cable"',
      '',
    ]);
    assert.strictEqual(result.stderr, '');
  });

  it('prints false first and exits 1 when the filter does not match', () => {
    const result = oew(
      'xpath',
      '--filter',
      file('po.xpathfilter', SEED_FILTER),
      '--payload',
      file('po.xml', poPayload({ item: 'Monitor' })),
    );
    assert.strictEqual(result.status, 1);
    assert.strictEqual(result.stdout.split('\n')[0], 'false');
  });

  it('exits 2 with one clear line and nothing on stdout for an unbound prefix, a syntax error or bad XML', () => {
    const payload = file('po.xml', poPayload());
    for (const [filter, payloadFile, message] of [
      [poFilter('$eventPayload/ns2:result/ns9:Value = 1'), payload, /prefix ns9 is not declared/],
      [
        poFilter('$eventPayload/ns2:result = = 1'),
        payload,
        /f\.xpathfilter:2:\d+: error xpath-syntax: A value is missing after '='/,
      ],
      [
        poFilter('count(40) &gt; 1'),
        payload,
        /f\.xpathfilter:2:\d+: error wrong-type: count\(\) reads the nodes of a path; 40 is a number/,
      ],
      [SEED_FILTER, file('bad.xml', '<ns01:onEvent><a></ns01:onEvent>'), /not well-formed XML/],
      [
        SEED_FILTER,
        path.join(dir(), 'missing.xml'),
        /Cannot read the payload file: .*missing.xml: no such file or folder/,
      ],
    ] as const) {
      const result = oew('xpath', '--filter', file('f.xpathfilter', filter), '--payload', payloadFile);
      assert.strictEqual(result.status, 2);
      assert.strictEqual(result.stdout, '');
      assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
    assert.strictEqual(oew('xpath', '--filter').status, 2);
  });

  it('names the filter file, line and column of an error, and of each warning after the answer', () => {
    const broken = file(
      'lines.xpathfilter',
      '<xpathExpr xmlns:ns0="urn:x">\n  $eventPayload/ns0:a = 1\n  and substring($eventPayload/ns0:b)\n</xpathExpr>\n',
    );
    const payload = file('x.xml', '<ns0:onEvent xmlns:ns0="urn:x"><ns0:a>1</ns0:a></ns0:onEvent>');
    const refused = oew('xpath', '--filter', broken, '--payload', payload);
    assert.strictEqual(refused.status, 2);
    assert.strictEqual(
      refused.stderr,
      `oew xpath: ${broken}:3:7: error wrong-argument-count: substring() takes 2 or 3 arguments (string, number, number?); this call gives 1.\n`,
    );
    const warned = file('warned.xpathfilter', '<xpathExpr xmlns:ns0="urn:x">\n$eventPayload/a = 1\n</xpathExpr>\n');
    const answered = oew('xpath', '--filter', warned, '--payload', payload);
    assert.strictEqual(answered.status, 1);
    assert.match(
      answered.stderr,
      new RegExp(
        `^${warned.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:15: warning unprefixed-step: a has no prefix`,
        'm',
      ),
    );
  });

  it('has oew check report filter findings as PATH:LINE:COL: SEVERITY CODE: MESSAGE', () => {
    const filter = file('po.xpathfilter', poFilter('$eventPayload/ns2:result/Value/ns0:Total &gt; 1'));
    const result = oew('check', filter);
    assert.strictEqual(result.status, 0, 'warnings only');
    assert.match(
      result.stdout,
      new RegExp(
        `^${filter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: warning unprefixed-step: Value has no prefix`,
        'm',
      ),
    );
    const broken = file('broken.xpathfilter', poFilter('$eventPayload/ns2:result/ns7:Value = 1'));
    assert.strictEqual(oew('check', broken).status, 1);
  });
});
