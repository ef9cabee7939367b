import * as assert from 'assert';
import { readFileSync } from 'fs';
import catalogueFile from '../../../src/core/condition/catalogue/eventTypes.json';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { parseUserEventTypes, parseUserEventTypesFile } from '../../../src/core/condition/userEventTypes';
import { fixture } from '../fixtures';

const required = JSON.parse(readFileSync(fixture('conditions', 'required-event-types.json'), 'utf8')) as {
  seed000: string[];
  domainNotes: string[];
};

describe('event-type catalogue', () => {
  const catalogue = EventTypeCatalogue.builtin();

  it('loads at least 150 real event types, without duplicates', () => {
    const types = catalogueFile.eventTypes.map((e) => e.eventType);
    assert.ok(types.length >= 150, `${types.length}`);
    assert.strictEqual(new Set(types).size, types.length);
    assert.strictEqual(catalogue.entries.length, types.length);
  });

  it('gives every entry a known service, a one-line description, a source, and lower-case dotted form', () => {
    for (const e of catalogueFile.eventTypes) {
      assert.ok(e.service in catalogueFile.services, e.eventType);
      assert.match(e.description, /^[A-Z].*\.$/, e.eventType);
      assert.ok(!e.description.includes('\n'), e.eventType);
      assert.match(e.source, /^https:\/\//, e.eventType);
      assert.match(e.eventType, /^com\.oraclecloud(\.[a-z0-9_-]+){2,}$/, e.eventType);
    }
  });

  it('covers the services users write rules for', () => {
    const services = new Set(catalogue.entries.map((e) => e.service));
    for (const name of [
      'Compute',
      'Block Volume',
      'File Storage',
      'Object Storage',
      'Networking',
      'Identity',
      'Audit',
      'Database',
      'Functions',
      'Notifications',
      'Streaming',
      'Budgets',
      'Cloud Guard',
    ]) {
      assert.ok(
        [...services].some((s) => s.startsWith(name)),
        `${name} in ${[...services].join(', ')}`,
      );
    }
  });

  it('includes every type of seed 000 and of the domain notes (CIS landing zone and other public sources)', () => {
    const missing = [...required.seed000, ...required.domainNotes].filter((t) => !catalogue.get(t));
    assert.deepStrictEqual(missing, []);
    assert.ok(required.domainNotes.length > 80, 'the CIS lists were read in full');
  });

  it('knows the additionalDetails keys of object events', () => {
    const keys = catalogue.additionalDetailKeys(['com.oraclecloud.objectstorage.createobject']);
    assert.ok(keys?.has('bucketName') && keys.has('namespace'), JSON.stringify([...(keys ?? [])]));
    assert.strictEqual(catalogue.additionalDetailKeys(['com.example.unknown']), undefined);
  });

  it('expands a wildcard to the catalogued types it matches', () => {
    const objects = catalogue.matching('com.oraclecloud.objectstorage.*object').map((e) => e.eventType);
    assert.deepStrictEqual(objects.sort(), [
      'com.oraclecloud.objectstorage.createobject',
      'com.oraclecloud.objectstorage.deleteobject',
      'com.oraclecloud.objectstorage.updateobject',
    ]);
  });

  it('suggests the closest types for a misspelling', () => {
    assert.strictEqual(
      catalogue.suggest('com.oraclecloud.computeapi.launchinstance.ned')[0],
      'com.oraclecloud.computeapi.launchinstance.end',
    );
  });

  it('adds the user’s own types, replacing a shipped entry of the same name', () => {
    const { types, errors } = parseUserEventTypes(
      {
        eventTypes: [
          'com.example.app.created',
          {
            eventType: 'com.oraclecloud.objectstorage.createobject',
            description: 'Mine.',
            additionalDetails: { custom: 'x' },
          },
          { nope: 1 },
        ],
      },
      '.oew/event-types.json',
    );
    assert.deepStrictEqual(errors, ['.oew/event-types.json: item 3 has no "eventType" string.']);
    const extended = catalogue.with(types);
    assert.strictEqual(extended.get('com.example.app.created')?.service, 'Custom');
    assert.strictEqual(extended.get('com.oraclecloud.objectstorage.createobject')?.description, 'Mine.');
    assert.strictEqual(extended.entries.length, catalogue.entries.length + 1);
  });

  it('reads .oew/event-types.json text, naming the place of a syntax error and refusing a nested example', () => {
    assert.deepStrictEqual(parseUserEventTypesFile('[\n  "a.b",\n  ]', 'f.json').errors, [
      'f.json, line 3, column 3: not valid JSON (value expected).',
    ]);
    const deepExample = `[{"eventType": "a.b", "additionalDetails": {"k": ${'['.repeat(20_000)}${']'.repeat(20_000)}}}]`;
    assert.match(
      parseUserEventTypesFile(deepExample, 'f.json').errors[0],
      /^f\.json, line 1: The event types file nests deeper/,
    );
    const nested = parseUserEventTypesFile('[{"eventType": "a.b", "additionalDetails": {"k": [1]}}, "c.d"]', 'f.json');
    assert.deepStrictEqual(nested.errors, [
      'f.json: item 1 has an additionalDetails example that is not a string, number or boolean.',
    ]);
    assert.deepStrictEqual(
      nested.types.map((t) => t.eventType),
      ['c.d'],
    );
  });
});
