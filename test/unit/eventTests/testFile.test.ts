import * as assert from 'assert';
import { MAX_JSON_DEPTH } from '../../../src/core/json/jsonDepth';
import { CaseInput, MAX_CASES, parseTestFile } from '../../../src/core/eventTests/testFile';

const json = (value: unknown) => JSON.stringify(value, null, 2);
/** The problems' messages, each with the text it marks. */
const marked = (text: string) =>
  parseTestFile(text).problems.map((p) => `${text.slice(p.start, p.end).split('\n')[0]} ← ${p.message}`);

describe('*.eventtest.json: the test file format', () => {
  it('reads a condition inline with an event case, and a filter with payload cases, paths and inline', () => {
    const condition = parseTestFile(
      json({
        condition: { eventType: 'com.oraclecloud.objectstorage.createobject' },
        cases: [
          { name: 'upload', event: '../samples/upload.json', expect: 'match' },
          { name: 'delete', event: { eventType: 'com.oraclecloud.objectstorage.deleteobject' }, expect: 'no match' },
        ],
      }),
    );
    assert.deepStrictEqual(condition.problems, []);
    assert.deepStrictEqual(condition.subject?.kind, 'condition');
    // Inline JSON is read into objects without a prototype: a "__proto__" key stays a key.
    const withoutSpan = (input: CaseInput) => ('span' in input ? { kind: input.kind, path: input.path } : input);
    assert.deepStrictEqual(
      JSON.parse(JSON.stringify(condition.cases.map((c) => [c.name, withoutSpan(c.input), c.expect]))),
      [
        ['upload', { kind: 'event', path: '../samples/upload.json' }, 'match'],
        ['delete', { kind: 'event', inline: { eventType: 'com.oraclecloud.objectstorage.deleteobject' } }, 'no match'],
      ],
    );
    const filter = parseTestFile(
      json({
        filter: 'filters/po.xpathfilter',
        cases: [
          { name: 'saved', payload: 'payloads/po.xml', expect: true },
          { name: 'inline', payload: '  <onEvent/>', expect: false },
        ],
      }),
    );
    assert.deepStrictEqual(filter.problems, []);
    assert.deepStrictEqual(filter.subject, {
      kind: 'filter',
      path: 'filters/po.xpathfilter',
      span: filter.subject!.span,
    });
    assert.deepStrictEqual(
      filter.cases.map((c) => withoutSpan(c.input)),
      [
        { kind: 'payload', path: 'payloads/po.xml' },
        { kind: 'payload', inline: '  <onEvent/>' },
      ],
    );
  });

  it('marks invalid JSON, a file that is no object, and one nested past the depth limit, at their place', () => {
    assert.match(marked('{ "rule": "a.rule.json", }')[0], /^} ← Not valid JSON: /);
    assert.deepStrictEqual(marked('[]'), [
      '[] ← A test file is a JSON object: { "rule" | "condition" | "filter": …, "cases": [ … ] }.',
    ]);
    assert.match(marked('')[0], /Not valid JSON/);
    const deep = `{"condition": ${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)}, "cases": []}`;
    assert.match(marked(deep)[0], /nests deeper than 64 levels/);
  });

  it('names an unknown key, a missing or second subject, and a subject of the wrong shape', () => {
    assert.deepStrictEqual(marked(json({ rule: 'a.rule.json', cases: [], extra: 1 })), [
      '"extra" ← Unknown key "extra": a test file has rule, condition or filter, and cases.',
    ]);
    assert.deepStrictEqual(marked(json({ cases: [] })), [
      '{ ← The test file names no subject: add "rule", "condition" or "filter".',
    ]);
    assert.deepStrictEqual(marked(json({ rule: 'a.rule.json', filter: 'f.xpathfilter', cases: [] })), [
      '"filter" ← A test file tests one subject: it already names "rule", so "filter" is not read.',
    ]);
    assert.deepStrictEqual(marked(json({ filter: { x: 1 }, cases: [] })), [
      '{ ← "filter" is the path of the filter, relative to this file.',
    ]);
    assert.deepStrictEqual(marked(json({ condition: 3, cases: [] })), [
      '3 ← "condition" is a path to a condition file, or the condition itself as an object.',
    ]);
  });

  it('marks each bad case, which then does not run, and keeps the good ones', () => {
    const text = json({
      rule: 'rules/instance.rule.json',
      cases: [
        { name: 'ok', event: 'e.json', expect: 'match' },
        { name: 'no expectation', event: 'e.json' },
        { name: 'wrong expectation', event: 'e.json', expect: true },
        { event: 'e.json', expect: 'match' },
        { name: 'ok', event: 'e.json', expect: 'match' },
        { name: 'both', event: 'e.json', payload: 'p.xml', expect: 'match' },
        { name: 'payload for a rule', payload: 'p.xml', expect: true },
        { name: 'typo', event: 'e.json', expected: 'match' },
        { name: 'empty event', event: '', expect: 'match' },
        'not a case',
      ],
    });
    const parsed = parseTestFile(text);
    assert.deepStrictEqual(
      parsed.cases.map((c) => c.name),
      ['ok'],
    );
    assert.deepStrictEqual(marked(text), [
      '{ ← A case needs "expect": "match" or "no match".',
      'true ← "expect" is "match" or "no match" here.',
      '{ ← A case needs a "name": the text the Testing view and the CLI show for it.',
      '"ok" ← Another case is already named "ok": names tell cases apart, so each must be its own.',
      '"payload" ← A case has an "event" or a "payload", not both.',
      '"payload" ← A rule or a condition is tested with an "event", not a "payload".',
      'true ← "expect" is "match" or "no match" here.',
      '"expected" ← Unknown key "expected": a case has name, event or payload, and expect.',
      '{ ← A case needs "expect": "match" or "no match".',
      '"" ← "event" is a path to an event file, or the event itself as an object.',
      '"not a case" ← A case is an object: { "name": …, "event" | "payload": …, "expect": … }.',
    ]);
    assert.deepStrictEqual(
      [...new Set(parsed.problems.map((p) => p.caseIndex))],
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      'each problem names its case',
    );
  });

  it('asks for cases as an array, and refuses more cases than a file may hold', () => {
    assert.deepStrictEqual(marked(json({ rule: 'r.rule.json' })), [
      '{ ← The test file has no "cases": add an array of cases.',
    ]);
    assert.deepStrictEqual(marked(json({ rule: 'r.rule.json', cases: {} })), ['{} ← "cases" is an array of cases.']);
    const many = json({
      rule: 'r.rule.json',
      cases: Array.from({ length: MAX_CASES + 1 }, (_, i) => ({ name: `c${i}`, event: 'e.json', expect: 'match' })),
    });
    assert.match(
      marked(many)[0],
      /^"cases" ← The file has 10001 cases, more than the 10000 one file may hold: split it\.$/,
    );
  });
});

describe('*.eventtest.json: the cases its problems keep from running', () => {
  it('lists each with its name (or its place when it has none or a taken one) and its first problem', () => {
    const text = JSON.stringify({
      condition: { eventType: 'x' },
      cases: [
        { name: 'fine', event: {}, expect: 'match' },
        { name: 'no expectation', event: {} },
        { event: {}, expect: 'match' },
        { name: 'fine', event: {}, expect: 'no match' },
        'not a case',
      ],
    });
    const parsed = parseTestFile(text);
    assert.deepStrictEqual(
      parsed.cases.map((c) => c.name),
      ['fine'],
    );
    assert.deepStrictEqual(
      parsed.invalid.map((c) => [c.name, c.message, text.slice(c.span.start, c.span.start + 1)]),
      [
        ['no expectation', 'A case needs "expect": "match" or "no match".', '{'],
        ['case 3', 'A case needs a "name": the text the Testing view and the CLI show for it.', '{'],
        ['case 4', 'Another case is already named "fine": names tell cases apart, so each must be its own.', '{'],
        ['case 5', 'A case is an object: { "name": …, "event" | "payload": …, "expect": … }.', '"'],
      ],
    );
  });
});
