import * as assert from 'assert';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { rulesForEventType } from '../../../src/core/rules/rulesForEventType';

const catalogue = EventTypeCatalogue.builtin();
const CREATE = 'com.oraclecloud.objectstorage.createobject';

describe('rules for an event type', () => {
  it('finds the rules that name it, by name or wildcard, and those that match its events without naming it', () => {
    const rules = [
      {
        rule: 'names it',
        condition: JSON.stringify({ eventType: [CREATE, 'com.oraclecloud.objectstorage.deleteobject'] }),
      },
      { rule: 'wildcard', condition: JSON.stringify({ eventType: 'com.oraclecloud.objectstorage.*' }) },
      { rule: 'everything', condition: '{}' },
      { rule: 'other type', condition: JSON.stringify({ eventType: 'com.oraclecloud.audit.event' }) },
      { rule: 'names it, other bucket', condition: JSON.stringify({ eventType: CREATE, data: { resourceName: 'x' } }) },
      { rule: 'not JSON', condition: 'eventType = "x"' },
    ];
    assert.deepStrictEqual(rulesForEventType(rules, CREATE, catalogue), [
      { rule: 'names it', how: 'names' },
      { rule: 'wildcard', how: 'names' },
      { rule: 'everything', how: 'matches' },
      { rule: 'names it, other bucket', how: 'names' },
    ]);
  });
});
