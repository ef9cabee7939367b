import * as assert from 'assert';
import { appendCase, newTestFileText } from '../../../src/core/eventTests/recordCase';
import { parseTestFile } from '../../../src/core/eventTests/testFile';
import { applyEdits } from '../../../src/core/text/textEdits';

const CREATE = 'com.oraclecloud.objectstorage.createobject';

describe('recording a case in a test file', () => {
  it('appends it to "cases", keeping the rest of the file as written, comments included', () => {
    const text = [
      '{',
      '  // the uploads rule',
      '  "rule": "../rules/uploads.rule.json",',
      '  "cases": [',
      '    { "name": "upload", "event": "../samples/upload.json", "expect": "match" }',
      '  ]',
      '}',
      '',
    ].join('\n');
    const edited = applyEdits(
      text,
      appendCase(text, { name: 'a delete', event: { eventType: 'x' }, expect: 'no match' })!,
    );
    assert.ok(edited.startsWith('{\n  // the uploads rule\n  "rule": "../rules/uploads.rule.json",\n'), edited);
    const parsed = parseTestFile(edited);
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(
      parsed.cases.map((c) => [c.name, c.expect]),
      [
        ['upload', 'match'],
        ['a delete', 'no match'],
      ],
    );
  });

  it('adds "cases" to a file that has none, refuses text that is no object, and writes a new file', () => {
    const text = '{ "filter": "po.xpathfilter" }';
    const edited = applyEdits(text, appendCase(text, { name: 'po', payload: '<a/>', expect: true })!);
    assert.deepStrictEqual(
      parseTestFile(edited).cases.map((c) => [c.name, c.input, c.expect]),
      [['po', { kind: 'payload', inline: '<a/>' }, true]],
    );
    assert.strictEqual(appendCase('[1]', { name: 'x', event: {}, expect: 'match' }), undefined);
    const created = newTestFileText(
      { kind: 'rule', path: '../rules/uploads.rule.json' },
      { name: 'upload', event: { eventType: CREATE }, expect: 'match' },
    );
    const parsed = parseTestFile(created);
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.subject?.kind, 'rule');
    assert.deepStrictEqual(JSON.parse(JSON.stringify(parsed.cases[0].input)), {
      kind: 'event',
      inline: { eventType: CREATE },
    });
  });
});
