import * as assert from 'assert';
import fc from 'fast-check';
import { analyzeCondition } from '../../src/core/condition/analyzeCondition';
import { EventTypeCatalogue } from '../../src/core/condition/catalogue';
import { checkDocument } from '../../src/core/condition/checkDocument';
import { compile } from '../../src/core/condition/matcher';
import { samplesForCondition } from '../../src/core/condition/sampleEvents';
import { Finding } from '../../src/core/text/findings';
import { conditionArbitrary, eventFor, validConditionText } from './conditionInputs';
import { assertInside, assertLinear, deterministic, fuzz } from './fuzzRun';
import { nested, textInputs } from './textInputs';

const catalogue = EventTypeCatalogue.builtin();

const conditionTexts = textInputs(
  validConditionText,
  fc.oneof(nested('{"data":', '{"a":"b"}', '}'), nested('[', '"x"', ']'), nested('{"a":[', '"x"', ']}')),
);

function ranges(findings: readonly Finding[]): { offset: number; length: number }[] {
  return findings.flatMap((f) => [f, ...f.fixes.flatMap((fix) => fix.edits)]);
}

describe('fuzz: condition analysis', () => {
  it('never throws, keeps every finding inside the text, and answers the same twice', () => {
    fuzz('condition analysis', 1_000, conditionTexts, (text) => {
      const findings = deterministic(() => analyzeCondition(text, catalogue).findings);
      assertInside(text, ranges(findings));
    });
  });

  it('checks rule documents holding any condition the same way', () => {
    const ruleTexts = textInputs(
      validConditionText.map((c) => `{"displayName":"r","isEnabled":true,"condition":${c},"actions":[]}`),
      nested('{"condition":', '{}', '}'),
    );
    fuzz('condition analysis', 500, ruleTexts, (text) => {
      const findings = deterministic(() => checkDocument(text, catalogue).findings);
      assertInside(text, ranges(findings));
    });
  });

  it('grows linearly with the text: repeated fields, duplicate keys, CRLF line ends, HCL-like lines', () => {
    assertLinear(
      'condition analysis, fields',
      (n) => `{"eventType":[${Array.from({ length: n / 20 }, (_, i) => `"com.x.e${i}"`).join(',')}]}`,
      (text) => analyzeCondition(text, catalogue),
    );
    // Each duplicate key's fix once reparsed and reformatted the whole text: 4,000 took 203 s.
    assertLinear(
      'condition analysis, duplicate keys',
      (n) => `{"data":{${Array.from({ length: n / 10 }, (_, i) => `"k${i % 50}":"v"`).join(',')}}}`,
      (text) => analyzeCondition(text, catalogue),
    );
    assertLinear(
      'condition analysis, CRLF',
      (n) => `{${'\r\n'.repeat(n / 2)}`,
      (text) => analyzeCondition(text, catalogue),
    );
    assertLinear(
      'condition analysis, HCL',
      (n) => `eventType = ${'a '.repeat(n / 2)}`,
      (text) => analyzeCondition(text, catalogue),
    );
  });
});

describe('fuzz: matcher', () => {
  it('matches an event built to satisfy the condition', () => {
    const cases = fc.tuple(conditionArbitrary, fc.nat(), fc.string({ maxLength: 6 }));
    fuzz('matcher', 2_000, cases, ([condition, choice, fill]) => {
      const event = eventFor(condition, choice, fill);
      const result = compile(condition)(event);
      assert.ok(result.matched, `no match: ${JSON.stringify(result.trace)}`);
    });
  });

  it('never throws on any JSON condition and event, and answers the same twice with the same trace', () => {
    const cases = fc.tuple(fc.jsonValue({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 6 }));
    fuzz('matcher', 2_000, cases, ([condition, event]) => {
      const matcher = compile(condition);
      deterministic(() => {
        const r = matcher(event);
        return { matched: r.matched, trace: r.trace };
      });
    });
  });

  it('never throws on deep conditions and events', () => {
    const depth = fc.integer({ min: 1, max: 5_000 });
    fuzz('matcher', 50, depth, (n) => {
      const deep = JSON.parse(`${'{"a":'.repeat(n)}"x"${'}'.repeat(n)}`) as unknown;
      try {
        const r = compile(deep)(deep);
        assert.strictEqual(r.matched, true);
        assert.ok(r.trace.length > 0);
      } catch (err) {
        // Too deep to read is a clear refusal, never a stack overflow.
        assert.ok(err instanceof Error && !(err instanceof RangeError) && /deeper/.test(err.message), String(err));
      }
    });
  });

  it('grows linearly with the event value and the number of wildcards', () => {
    const pattern = `*${'a*'.repeat(8)}b`;
    const test = compile({ data: { name: pattern } });
    assertLinear(
      'matcher, wildcards',
      (n) => 'a'.repeat(n),
      (value) => test({ data: { name: value } }),
    );
  });
});

/** Each generated match matches, and the near miss fails exactly the clause it names, as its trace says. */
function assertGeneratedRight(condition: unknown): boolean {
  const { samples, impossible } = samplesForCondition(condition, catalogue, 2);
  const match = compile(condition);
  for (const sample of samples) {
    const trace = match(sample.event).trace;
    const failing = trace.filter((l) => !l.matched).map((l) => l.path);
    assert.deepStrictEqual(
      failing,
      sample.nearMiss ? [sample.nearMiss] : [],
      `${sample.label}: ${JSON.stringify(trace)}`,
    );
  }
  assert.ok(impossible === undefined ? samples.length > 0 : samples.length === 0, 'either events or a reason');
  return impossible === undefined;
}

describe('fuzz: events generated for a condition', () => {
  it('match every condition a built event matches, and nearly match it in exactly one clause', () => {
    fuzz('generated events', 1_000, conditionArbitrary, (condition) => {
      assert.ok(assertGeneratedRight(condition), `said impossible: ${JSON.stringify(condition)}`);
    });
  });

  it('are never wrong for any JSON object as a condition: right events, or a reason why none can match', () => {
    const conditions = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 4 });
    fuzz('generated events', 1_000, conditions, (condition) => {
      assertGeneratedRight(condition);
    });
  });
});
