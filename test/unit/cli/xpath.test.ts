import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../fixtures';
import { useTempDir } from '../tempDir';
import { PO_EVENT, PO_SERVICE, PO_TYPES, poFilter, poPayload, SEED_FILTER } from '../xpath/fixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
        /f\.xpathfilter:2:\d+: error wrong-type: count\(\) counts the nodes of a path; 40 is a number/,
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
      `oew xpath: ${broken}:3:7: error wrong-argument-count: substring() needs 2 or 3 arguments (a string, a start and an optional length); this call gives 1.\n`,
    );
    const warned = file('warned.xpathfilter', '<xpathExpr xmlns:ns0="urn:x">\n$eventPayload/a = 1\n</xpathExpr>\n');
    const answered = oew('xpath', '--filter', warned, '--payload', payload);
    assert.strictEqual(answered.status, 1);
    assert.match(answered.stderr, new RegExp(`^${escape(warned)}:2:15: warning unprefixed-step: a has no prefix`, 'm'));
  });

  /** A filter written over several lines, as people write them, with `lines` as its expression from line 4. */
  const multiLine = (...lines: string[]) =>
    [`<!-- oew:event ${PO_EVENT} -->`, `<xpathExpr xmlns:ns0="${PO_SERVICE}"`, `  xmlns:ns2="${PO_TYPES}">`]
      .concat(lines, ['</xpathExpr>', ''])
      .join('\n');

  it('places each kind of error where oew check places it, in one line', () => {
    const payload = file('po.xml', poPayload());
    for (const [lines, expected] of [
      [
        ['  $eventPayload/ns2:result/ns0:Value/ns0:Total &gt; 100', '  and $eventPayload//ns0:Total &gt; &gt; 5'],
        "5:37: error xpath-syntax: A value is missing after '>'.",
      ],
      [
        ['  $eventPayload/ns2:result', '  and count(', '    40) = 1'],
        '6:5: error wrong-type: count() counts the nodes of a path; 40 is a number, not a path.',
      ],
      [
        ['  $eventPayload/ns2:result', '  and not()'],
        '5:7: error wrong-argument-count: not() needs 1 argument (the condition to negate); this call gives none.',
      ],
      [
        ['  "abc"/ns0:Qty = $eventPayload/ns2:result'],
        '4:3: error wrong-type: A path continues only from nodes; "abc" is a string, not a path.',
      ],
      [['  $eventPayload/ns2:result', '  and ns0: = 1'], "5:7: error xpath-syntax: A name is missing after 'ns0:'"],
    ] as const) {
      const filter = file('multi.xpathfilter', multiLine(...lines));
      const result = oew('xpath', '--filter', filter, '--payload', payload);
      assert.strictEqual(result.status, 2, result.stderr);
      assert.strictEqual(result.stdout, '');
      assert.ok(result.stderr.startsWith(`oew xpath: ${filter}:${expected}`), result.stderr);
      assert.strictEqual(result.stderr.split('\n').length, 2, 'one line');
      assert.ok(oew('check', filter).stdout.includes(`${filter}:${expected}`), 'as oew check places it');
    }
  });

  it('names the payload file for a payload that is not XML, with its line and column', () => {
    const payloadFile = file('broken.xml', '<ns01:onEvent xmlns:ns01="urn:x">\n  <a>\n</ns01:onEvent>');
    const result = oew('xpath', '--filter', file('po.xpathfilter', SEED_FILTER), '--payload', payloadFile);
    assert.strictEqual(result.status, 2);
    assert.match(
      result.stderr,
      new RegExp(`^oew xpath: ${escape(payloadFile)}: The payload is not well-formed XML \\(line 2, column 6\\): `),
    );
  });

  it('names the filter file and where its expression starts when evaluation fails on a payload', () => {
    const filter = file(
      'slow.xpathfilter',
      `<xpathExpr xmlns:a="urn:a">\n  count($eventPayload//a:x[. = $eventPayload//a:x]) &gt; 0\n</xpathExpr>`,
    );
    const payload = file('big.xml', `<a:onEvent xmlns:a="urn:a">${'<a:x>1</a:x>'.repeat(4000)}</a:onEvent>`);
    const result = oew('xpath', '--filter', filter, '--payload', payload);
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stdout, '');
    assert.match(
      result.stderr,
      new RegExp(`^oew xpath: ${escape(filter)}:2:3: error: Evaluation failed: the filter visits more than`),
    );
  });

  it('has oew check report filter findings as PATH:LINE:COL: SEVERITY CODE: MESSAGE', () => {
    const filter = file('po.xpathfilter', poFilter('$eventPayload/ns2:result/Value/ns0:Total &gt; 1'));
    const result = oew('check', filter);
    assert.strictEqual(result.status, 0, 'warnings only');
    assert.match(
      result.stdout,
      new RegExp(`^${escape(filter)}:2:\\d+: warning unprefixed-step: Value has no prefix`, 'm'),
    );
    const broken = file('broken.xpathfilter', poFilter('$eventPayload/ns2:result/ns7:Value = 1'));
    assert.strictEqual(oew('check', broken).status, 1);
  });
});
