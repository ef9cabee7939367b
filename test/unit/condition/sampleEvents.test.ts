import * as assert from 'assert';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { compile } from '../../../src/core/condition/matcher';
import { matchingEvent, nearMiss } from '../../../src/core/condition/matchingEvent';
import { ANY_TYPE_EXAMPLE, samplesForCondition } from '../../../src/core/condition/sampleEvents';

const catalogue = EventTypeCatalogue.builtin();
const CREATE = 'com.oraclecloud.objectstorage.createobject';

/** The trace lines an event fails, by path: a near miss fails exactly one. */
function failing(condition: unknown, event: unknown): string[] {
  return compile(condition)(event)
    .trace.filter((l) => !l.matched)
    .map((l) => l.path);
}

// [what it shows, condition]: each has a matching event, and a near miss that fails one clause.
const SATISFIABLE: [string, Record<string, unknown>][] = [
  ['an exact data path', { eventType: CREATE, data: { additionalDetails: { bucketName: 'invoices' } } }],
  ['a nested data path of tags', { eventType: CREATE, data: { definedTags: { Finance: { Owner: 'ops' } } } }],
  [
    'a wildcard over event types',
    { eventType: ['com.oraclecloud.objectstorage.*object'], data: { resourceName: 'a*.pdf' } },
  ],
  ['an array of alternatives', { eventType: CREATE, data: { compartmentName: ['prod', 'staging'] } }],
  ['an attribute-only condition', { data: { compartmentName: 'prod' } }],
  ['a lone *', { eventType: CREATE, data: { resourceName: '*' } }],
  ['a wildcard in the middle', { eventType: CREATE, data: { resourceName: 'inv*ces' } }],
  ['a number and a boolean', { data: { additionalDetails: { size: 42, versioned: true } } }],
  ['alternatives that are objects', { data: [{ a: 'x' }, { b: 'y' }] }],
  ['a key that is special in JavaScript', { data: { ['__proto__']: 'x', constructor: 'y' } }],
  ['a source only', { source: 'ObjectStorage' }],
  ['an event type the catalogue does not know', { eventType: 'com.example.orders.*', data: { region: 'eu' } }],
];

interface Generated {
  readonly label: string;
  readonly event: { data: { compartmentName: string; additionalDetails: { bucketName: string } } };
}

describe('events generated for a condition', () => {
  for (const [what, condition] of SATISFIABLE) {
    it(`match and nearly match: ${what}`, () => {
      const { samples, impossible } = samplesForCondition(condition, catalogue);
      assert.strictEqual(impossible, undefined);
      const matches = samples.filter((s) => !s.nearMiss);
      assert.ok(matches.length >= 1, 'at least one match');
      for (const sample of matches) {
        assert.deepStrictEqual(failing(condition, sample.event), [], `${sample.label} matches`);
      }
      const misses = samples.filter((s) => s.nearMiss);
      assert.strictEqual(misses.length, 1, 'one near miss');
      assert.deepStrictEqual(failing(condition, misses[0].event), [misses[0].nearMiss], 'fails only its clause');
    });
  }

  it('fills a bucketName the condition asks for, where the plain generated event had none', () => {
    const condition = { eventType: CREATE, data: { additionalDetails: { bucketName: 'invoices' } } };
    const [match, miss] = samplesForCondition(condition, catalogue).samples as readonly Generated[];
    assert.strictEqual(match.label, CREATE);
    assert.strictEqual(match.event.data.additionalDetails.bucketName, 'invoices');
    assert.strictEqual(match.event.data.compartmentName, 'example_compartment', 'the rest of the envelope stays');
    assert.strictEqual(miss.label, `${CREATE} near miss`);
    assert.strictEqual(miss.event.data.additionalDetails.bucketName, 'other-invoices');
    const line = compile(condition)(miss.event).trace.find((l) => !l.matched)!;
    assert.deepStrictEqual(
      [line.path, line.condition, line.event],
      ['data.additionalDetails.bucketName', 'invoices', 'other-invoices'],
    );
  });

  it('breaks the last data clause rather than the event type, so the type stays one the condition names', () => {
    const condition = { eventType: CREATE, data: { compartmentName: 'prod', resourceName: 'x*' } };
    const miss = samplesForCondition(condition, catalogue).samples.find((s) => s.nearMiss)!;
    assert.strictEqual(miss.nearMiss, 'data.resourceName');
    assert.strictEqual((miss.event as { eventType: string }).eventType, CREATE);
  });

  it('generates one match per type of a wildcard, up to the limit, and a near miss of the first', () => {
    const { samples } = samplesForCondition({ eventType: 'com.oraclecloud.objectstorage.*' }, catalogue, 3);
    assert.strictEqual(samples.length, 4);
    assert.ok(samples.slice(0, 3).every((s) => s.label.startsWith('com.oraclecloud.objectstorage.')));
    assert.strictEqual(samples[3].nearMiss, 'eventType');
  });

  it('keeps the catalogued type for a condition that names none', () => {
    const { samples } = samplesForCondition({ data: { compartmentName: 'prod' } }, catalogue);
    assert.strictEqual(samples[0].label, ANY_TYPE_EXAMPLE);
  });

  it('builds an event of a type the catalogue does not know, with its wildcard filled', () => {
    const { samples } = samplesForCondition({ eventType: 'com.example.orders.*' }, catalogue);
    assert.strictEqual((samples[0].event as { eventType: string }).eventType, 'com.example.orders.example');
  });

  it('generates no near miss for {}, which every event matches', () => {
    const { samples } = samplesForCondition({}, catalogue);
    assert.strictEqual(samples.length, 1);
    assert.ok(compile({})(samples[0].event).matched);
  });

  it('leaves the field out for a near miss of a lone * in an array, which any value but null meets', () => {
    const miss = nearMiss({ data: { resourceName: ['*'] } }, { data: { resourceName: 'x' } })!;
    assert.deepStrictEqual(miss.event, { data: { resourceName: null } });
    const missAll = nearMiss({ data: { n: [null, '*'] } }, { data: { n: 'x' } })!;
    assert.deepStrictEqual(missAll.event, { data: {} });
  });

  it('says that no event can match a condition with an empty array, and generates none', () => {
    const { samples, impossible } = samplesForCondition({ eventType: CREATE, data: { bucketName: [] } }, catalogue);
    assert.deepStrictEqual(samples, []);
    assert.strictEqual(
      impossible,
      'No event can match this condition: data.bucketName is an empty array: arrays are OR, and it lists no value to be one of.',
    );
  });

  it('says so for an array whose every value is an empty array, and for a condition that is not an object', () => {
    assert.deepStrictEqual(matchingEvent({ data: { a: [[], []] } }, {}), {
      ok: false,
      path: 'data.a',
      reason: 'lists only values that no event can have',
    });
    assert.strictEqual(matchingEvent('x', {}).ok, false);
  });

  it('replaces a base value of another shape: a string where the condition wants an object', () => {
    const built = matchingEvent({ data: { a: { b: 'c' } } }, { data: { a: 'flat' } });
    assert.deepStrictEqual(built, { ok: true, event: { data: { a: { b: 'c' } } } });
  });

  it('does not change the prototype of an event for a __proto__ clause', () => {
    const condition = JSON.parse('{"data":{"__proto__":{"x":"y"}}}') as unknown;
    const built = matchingEvent(condition, {});
    assert.ok(built.ok);
    const data = built.event.data as Record<string, unknown>;
    assert.strictEqual(Object.getPrototypeOf(data), Object.prototype);
    assert.ok(Object.hasOwn(data, '__proto__'));
    assert.ok(compile(condition)(built.event).matched);
  });
});
