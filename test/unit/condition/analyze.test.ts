import * as assert from 'assert';
import { analyzeCondition } from '../../../src/core/condition/analyzeCondition';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { CONDITION_FINDING_CODES, Finding, FINDING_CODES, FindingCode } from '../../../src/core/condition/findings';
import { applyEdits } from '../../../src/core/text/textEdits';

const catalogue = EventTypeCatalogue.builtin();

function analyze(text: string): Finding[] {
  return analyzeCondition(text, catalogue).findings;
}

function only(text: string, code: FindingCode): Finding {
  const found = analyze(text).filter((f) => f.code === code);
  assert.strictEqual(found.length, 1, `one ${code} in ${text}: ${JSON.stringify(analyze(text))}`);
  return found[0];
}

/** The text a finding's range covers. */
function at(text: string, f: Finding): string {
  return text.slice(f.offset, f.offset + f.length);
}

/** Applies a finding's fix and returns the new text and what is found in it then. */
function fixed(text: string, code: FindingCode, fixIndex = 0): { text: string; codes: FindingCode[] } {
  const fix = only(text, code).fixes[fixIndex];
  assert.ok(fix, `${code} has a fix`);
  const next = applyEdits(text, fix.edits);
  return { text: next, codes: analyze(next).map((f) => f.code) };
}

const CREATE = 'com.oraclecloud.objectstorage.createobject';

// [code, condition text, the text the finding must cover]
const RANGES: [FindingCode, string, string][] = [
  ['invalid-json', '{"eventType": "x" "source": "y"}', '"source"'],
  ['comment', `{"eventType": "${CREATE}" // new objects\n}`, '// new objects'],
  ['trailing-comma', `{"eventType": ["${CREATE}",]}`, ','],
  ['hcl-syntax', `eventType = ["${CREATE}"]`, 'eventType ='],
  ['too-deep', `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`, '{'],
  ['not-an-object', `["${CREATE}"]`, `["${CREATE}"]`],
  ['wildcard-in-key', '{"data": {"additionalDetails": {"bucket*": "a"}}}', '"bucket*"'],
  ['empty-array', '{"eventType": []}', '[]'],
  [
    'duplicate-key',
    `{"eventType": "${CREATE}", "eventType": "com.oraclecloud.objectstorage.deleteobject"}`,
    '"eventType"',
  ],
  [
    'unknown-event-type',
    '{"eventType": "com.oraclecloud.objectstorage.createobjekt"}',
    '"com.oraclecloud.objectstorage.createobjekt"',
  ],
  [
    'event-type-case',
    '{"eventType": "com.oraclecloud.objectstorage.CreateObject"}',
    '"com.oraclecloud.objectstorage.CreateObject"',
  ],
  ['misplaced-data-field', `{"eventType": "${CREATE}", "resourceName": "a*"}`, '"resourceName"'],
  ['freeform-tags-case', '{"data": {"freeFormTags": {"Department": "Finance"}}}', '"freeFormTags"'],
  [
    'unknown-additional-detail',
    `{"eventType": "${CREATE}", "data": {"additionalDetails": {"bucket": "a"}}}`,
    '"bucket"',
  ],
  ['non-string-value', '{"data": {"additionalDetails": {"size": 42}}}', '42'],
  ['matches-everything', '{}', '{}'],
  ['lone-wildcard', '{"source": "*"}', '"*"'],
];

describe('condition analysis', () => {
  it('covers every finding code', () => {
    assert.deepStrictEqual(new Set(RANGES.map(([code]) => code)), new Set(Object.keys(CONDITION_FINDING_CODES)));
  });

  for (const [code, text, covered] of RANGES) {
    it(`${code}: ${FINDING_CODES[code]} on ${JSON.stringify(covered)}`, () => {
      const f = only(text, code);
      assert.strictEqual(f.severity, FINDING_CODES[code]);
      assert.strictEqual(at(text, f), covered);
      assert.ok(f.message.length > 20, 'the message says what to write instead');
    });
  }

  it('marks JSON that ends early at its end, inside the text (fuzz counterexample: an empty file)', () => {
    for (const text of ['', '{"a":', '{"eventType": [']) {
      const found = analyzeCondition(text, catalogue).findings;
      assert.ok(found.length > 0, text);
      for (const f of found) {
        assert.ok(f.offset + f.length <= text.length, `${JSON.stringify(text)}: ${f.offset}+${f.length}`);
      }
    }
  });

  it('offers no move into "data" when "data" is a list or a string, where building the fix threw (fuzz counterexample)', () => {
    for (const text of ['{"data":["."],"resourceName":[""]}', '{"data":"*","additionalDetails":"a"}']) {
      const misplaced = analyze(text).find((f) => f.code === 'misplaced-data-field');
      assert.ok(misplaced, text);
      assert.deepStrictEqual(misplaced.fixes, []);
    }
    const movable = analyze('{"data":{},"resourceName":"x"}').find((f) => f.code === 'misplaced-data-field');
    assert.strictEqual(movable?.fixes.length, 1);
  });

  it('marks a block comment left open at the end inside the text, and its fix removes it (full fuzz counterexample)', () => {
    const text = `{"eventType": "${CREATE}"}/*`;
    const comment = only(text, 'comment');
    assert.strictEqual(at(text, comment), '/*');
    assert.strictEqual(comment.offset + comment.length, text.length);
    assert.deepStrictEqual(fixed(text, 'comment').codes, []);
  });

  it('suggests a known additionalDetails key only for a likely typo, and lists them all otherwise', () => {
    const far = only(
      `{"eventType": "${CREATE}", "data": {"additionalDetails": {"colour": "a"}}}`,
      'unknown-additional-detail',
    );
    assert.deepStrictEqual(far.fixes, []);
    assert.match(far.message, /they carry .*bucketName/);
    assert.doesNotMatch(far.message, /Did you mean/);
  });

  it('fixes each of thousands of duplicate keys in place, not by rewriting the whole text', () => {
    const text = `{"data": {${Array.from({ length: 2_000 }, (_, i) => `"k${i % 20}": "v${i}"`).join(', ')}}}`;
    const duplicates = analyzeCondition(text, catalogue).findings.filter((f) => f.code === 'duplicate-key');
    assert.strictEqual(duplicates.length, 1_980);
    for (const f of duplicates) {
      assert.ok(
        f.fixes[0].edits.every((e) => e.length < 40),
        'an edit spans the property, not the text',
      );
    }
  });

  it('finds nothing in a good real-world condition', () => {
    const text = JSON.stringify({
      eventType: [CREATE, 'com.oraclecloud.objectstorage.updateobject'],
      data: {
        resourceName: ['file_chunk/*VAULT*', 'sbt_catalog/*VAULT*'],
        additionalDetails: { bucketName: ['RMAN_BCS'] },
      },
    });
    assert.deepStrictEqual(analyze(text), []);
  });

  it('reports a wildcard event type only when it matches no catalogued type', () => {
    assert.deepStrictEqual(analyze('{"eventType": "com.oraclecloud.objectstorage.*"}'), []);
    const f = only('{"eventType": "com.oraclecloud.nosuchservice.*"}', 'unknown-event-type');
    assert.match(f.message, /matches no event type/);
  });

  it('never flags the envelope’s own data fields as unknown additionalDetails', () => {
    const text = `{"eventType": "${CREATE}", "data": {"resourceName": "a", "compartmentName": "b", "freeformTags": {"x": "y"}}}`;
    assert.deepStrictEqual(analyze(text), []);
  });

  it('does not judge additionalDetails keys when no event type is named', () => {
    assert.deepStrictEqual(analyze('{"data": {"additionalDetails": {"anything": "a"}}}'), []);
  });

  it('says that a condition must be JSON when given HCL, and nothing else', () => {
    const findings = analyze(`{\n  eventType = ["${CREATE}"]\n}`);
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['hcl-syntax'],
    );
    assert.match(findings[0].message, /must be JSON/);
  });

  describe('fixes, applied and checked again', () => {
    it('removes a comment', () => {
      const result = fixed(`{"eventType": "${CREATE}" /* new */}`, 'comment');
      assert.deepStrictEqual(result.codes, []);
      assert.deepStrictEqual(JSON.parse(result.text), { eventType: CREATE });
    });

    it('removes a trailing comma', () => {
      const result = fixed(`{"eventType": ["${CREATE}",]}`, 'trailing-comma');
      assert.deepStrictEqual(result.codes, []);
    });

    it('removes an empty array', () => {
      const result = fixed(`{"eventType": "${CREATE}", "source": []}`, 'empty-array');
      assert.deepStrictEqual(result.codes, []);
      assert.deepStrictEqual(JSON.parse(result.text), { eventType: CREATE });
    });

    it('merges duplicate keys into one array', () => {
      const result = fixed(
        `{"eventType": "${CREATE}", "eventType": ["com.oraclecloud.objectstorage.deleteobject"]}`,
        'duplicate-key',
      );
      assert.deepStrictEqual(result.codes, []);
      assert.deepStrictEqual(JSON.parse(result.text), {
        eventType: [CREATE, 'com.oraclecloud.objectstorage.deleteobject'],
      });
    });

    it('replaces an unknown event type with the closest one', () => {
      const result = fixed('{"eventType": "com.oraclecloud.objectstorage.createobjekt"}', 'unknown-event-type');
      assert.deepStrictEqual(result.codes, []);
      assert.deepStrictEqual(JSON.parse(result.text), { eventType: CREATE });
    });

    it('lower-cases an event type', () => {
      const result = fixed('{"eventType": "com.oraclecloud.objectstorage.CreateObject"}', 'event-type-case');
      assert.deepStrictEqual(result.codes, []);
    });

    it('moves a payload field into an existing data object', () => {
      const result = fixed(
        `{\n  "eventType": "${CREATE}",\n  "resourceName": "a*",\n  "data": {"compartmentName": "prod"}\n}`,
        'misplaced-data-field',
      );
      assert.deepStrictEqual(result.codes, []);
      assert.deepStrictEqual(JSON.parse(result.text), {
        eventType: CREATE,
        data: { compartmentName: 'prod', resourceName: 'a*' },
      });
    });

    it('moves a payload field into a new data object', () => {
      const result = fixed(`{"eventType": "${CREATE}", "compartmentName": "prod"}`, 'misplaced-data-field');
      assert.deepStrictEqual(JSON.parse(result.text), { eventType: CREATE, data: { compartmentName: 'prod' } });
    });

    it('renames freeFormTags', () => {
      const result = fixed('{"data": {"freeFormTags": {"Department": "Finance"}}}', 'freeform-tags-case');
      assert.deepStrictEqual(JSON.parse(result.text), { data: { freeformTags: { Department: 'Finance' } } });
    });

    it('replaces an unknown additionalDetails key with the closest known one', () => {
      const result = fixed(
        `{"eventType": "${CREATE}", "data": {"additionalDetails": {"bucketname": "a"}}}`,
        'unknown-additional-detail',
      );
      assert.deepStrictEqual(result.codes, []);
      assert.ok(result.text.includes('"bucketName"'));
    });

    it('writes a number as a string', () => {
      const result = fixed('{"data": {"additionalDetails": {"size": 42}}}', 'non-string-value');
      assert.deepStrictEqual(JSON.parse(result.text), { data: { additionalDetails: { size: '42' } } });
    });
  });
});
