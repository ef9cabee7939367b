import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeCondition } from '../../../src/core/condition/analyzeCondition';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { checkDocument } from '../../../src/core/condition/checkDocument';
import { completeCondition } from '../../../src/core/condition/completion';
import { formatCondition } from '../../../src/core/condition/formatCondition';
import { compile } from '../../../src/core/condition/matcher';
import { isUserError } from '../../../src/core/errors/userError';
import { goJson } from '../../../src/core/payloads/goJson';
import { ruleDetailsOf, ruleDocumentText } from '../../../src/core/rules/ruleDocument';
import { terraformResource } from '../../../src/core/rules/ruleExport';
import { parseSavedRequest } from '../../../src/core/sender/savedRequest';
import { parseEnvironments } from '../../../src/core/variables/environments';
import { compileFilter } from '../../../src/core/xpath/evaluate';
import { parseExpression } from '../../../src/core/xpath/parser';
import { runCli } from '../cli/runCli';

const catalogue = EventTypeCatalogue.builtin();
const LEVELS = 5000;
const deepObject = (leaf = '"x"') => `${'{"a":'.repeat(LEVELS)}${leaf}${'}'.repeat(LEVELS)}`;
const deepValue = (): unknown => JSON.parse(deepObject());
const filter = (expression: string) => `<xpathExpr xmlns:a="urn:a">${expression}</xpathExpr>`;

function onlyTooDeep(findings: readonly { code: string; offset: number; length: number }[], text: string): void {
  assert.deepStrictEqual(
    findings.map((f) => f.code),
    ['too-deep'],
  );
  assert.ok(findings[0].offset >= 0 && findings[0].offset + findings[0].length <= text.length);
}

// 5,000 levels overflowed the stack of every one of these before; each now says what is wrong.
describe('every recursion over user data has a depth limit', () => {
  it('condition analysis gives one too-deep finding, at the bracket past the limit', () => {
    const text = deepObject();
    const { findings } = analyzeCondition(text, catalogue);
    onlyTooDeep(findings, text);
    assert.strictEqual(findings[0].offset, 64 * '{"a":'.length);
    onlyTooDeep(checkDocument(text, catalogue).findings, text);
    const rule = `{"displayName": "r", "condition": ${text}}`;
    onlyTooDeep(checkDocument(rule, catalogue, 'rule').findings, rule);
    const apiForm = JSON.stringify({ displayName: 'r', condition: text });
    // The API form's string is read as a rule first: its missing fields are found too.
    assert.ok(checkDocument(apiForm, catalogue, 'rule').findings.some((f) => f.code === 'too-deep'));
    assert.deepStrictEqual(completeCondition(text, 10, undefined, catalogue), []);
    assert.deepStrictEqual(formatCondition(text, { tabSize: 2, insertSpaces: true }), []);
  });

  it('the matcher refuses a deep condition with a UserError, and reads deep event arrays without overflowing', () => {
    assert.throws(
      () => compile(deepValue()),
      (err: unknown) => isUserError(err) && /nests deeper than 64 levels/.test(err.message),
    );
    let nested: unknown = 'x';
    for (let i = 0; i < LEVELS; i++) {
      nested = [nested];
    }
    const result = compile({ data: ['y'] })({ data: nested });
    assert.strictEqual(result.matched, false);
    assert.strictEqual(result.trace.length, 1);
  });

  it('rule documents, exports and Go-style JSON give a clear error or keep the condition as a string', () => {
    const condition = deepObject();
    const text = ruleDocumentText({ displayName: 'r', isEnabled: true, condition });
    assert.strictEqual((JSON.parse(text) as { condition: unknown }).condition, condition);
    assert.throws(() => ruleDetailsOf(`{"condition": ${condition}}`), /nests deeper than 64 levels/);
    const details = { displayName: 'r', isEnabled: true, condition, actions: { actions: [] } };
    assert.match(terraformResource(details, 'c'), /jsonencode\("/);
    assert.throws(
      () => goJson(deepValue()),
      (err: unknown) => isUserError(err),
    );
    assert.throws(() => parseSavedRequest(deepObject('1'), 'r.json'), /r\.json, line 1: .*nests deeper/);
    assert.throws(() => parseEnvironments(deepObject('1'), 'e.json'), /e\.json, line 1: .*nests deeper/);
  });

  it('the XPath parser stops at 64 levels of nesting and 1,000 operators, with a too-deep finding', () => {
    for (const expression of [
      `${'('.repeat(LEVELS)}1${')'.repeat(LEVELS)}`,
      `$eventPayload/a:x${'[a:y'.repeat(LEVELS)}${']'.repeat(LEVELS)}`,
      `${'not('.repeat(LEVELS)}1${')'.repeat(LEVELS)}`,
      `$eventPayload/a:x${' or 1'.repeat(20000)}`,
      `${'-'.repeat(20000)}1 = $eventPayload`,
    ]) {
      assert.strictEqual(parseExpression(expression).problem?.tooDeep, true, expression.slice(0, 20));
      const compiled = compileFilter(filter(expression));
      assert.ok(!compiled.ok && compiled.analysis.findings.some((f) => f.code === 'too-deep'));
    }
  });

  it('an XPath payload nested past 256 elements is refused with a clear error', () => {
    const compiled = compileFilter(filter('count($eventPayload//a:x) > 0'));
    assert.ok(compiled.ok);
    const payload = `<a:onEvent xmlns:a="urn:a">${'<a:x>'.repeat(LEVELS)}${'</a:x>'.repeat(LEVELS)}</a:onEvent>`;
    assert.match(compiled.evaluate(payload).error ?? '', /nests deeper than 256 levels/);
  });

  describe('oew check, match and xpath exit 2 with one line for a too-deep input', () => {
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oew-deep-'));
      await fs.writeFile(path.join(dir, 'deep.condition.json'), deepObject());
      await fs.writeFile(path.join(dir, 'bad.condition.json'), '{"eventType": []}');
      await fs.writeFile(path.join(dir, 'event.json'), '{"eventType": "x"}');
      await fs.writeFile(path.join(dir, 'deep.xpathfilter'), filter(`${'('.repeat(LEVELS)}1${')'.repeat(LEVELS)}`));
      await fs.writeFile(path.join(dir, 'payload.xml'), '<a:onEvent xmlns:a="urn:a"/>');
    });
    after(() => fs.rm(dir, { recursive: true, force: true }));

    it('check: one line for the deep file, then the next file is checked', async () => {
      const { status, stdout, stderr } = await runCli(['check', 'deep.condition.json', 'bad.condition.json'], {}, dir);
      assert.strictEqual(status, 2, stderr);
      const lines = stdout.trim().split('\n');
      assert.match(lines[0], /^deep\.condition\.json:1:\d+: error too-deep: /);
      assert.match(lines[1], /^bad\.condition\.json:1:\d+: error empty-array/);
      assert.strictEqual(stderr, '');
    });

    it('match: one line on stderr for a deep condition or event', async () => {
      for (const args of [
        ['--condition', 'deep.condition.json', '--event', 'event.json'],
        ['--condition', 'event.json', '--event', 'deep.condition.json'],
      ]) {
        const { status, stdout, stderr } = await runCli(['match', ...args], {}, dir);
        assert.strictEqual(status, 2);
        assert.strictEqual(stdout, '');
        assert.match(stderr, /^oew match: .*nests deeper than 64 levels.*\n$/);
      }
    });

    it('xpath: one line on stderr for a deep filter', async () => {
      const { status, stdout, stderr } = await runCli(
        ['xpath', '--filter', 'deep.xpathfilter', '--payload', 'payload.xml'],
        {},
        dir,
      );
      assert.strictEqual(status, 2);
      assert.strictEqual(stdout, '');
      assert.match(
        stderr,
        /^oew xpath: deep\.xpathfilter:1:\d+: error too-deep: The expression nests deeper than 64 levels.*\n$/,
      );
    });
  });
});
