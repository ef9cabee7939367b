import * as assert from 'assert';
import { catalogGroups, eventRow } from '../../../src/core/fusion/catalogGroups';
import { PASSWORDS_VARIABLE, passwordsFromEnvironment } from '../../../src/core/fusion/environmentPasswords';
import { referenceCatalog } from '../../../src/core/fusion/referenceCatalog';

describe('Fusion catalog as the view shows it', () => {
  const events = referenceCatalog();
  const records = events.map((e, i) => ({
    ErpBusinessEventId: i,
    BusinessEventCode: e.id,
    BusinessEventIdentifier: e.id,
    EnabledFlag: e.defaultEnabled ?? true,
  }));

  it('groups every event by module, sorted, with its enabled state linked by BusinessEventIdentifier', () => {
    const groups = catalogGroups(events, records);
    assert.deepStrictEqual(
      groups.map((g) => g.module),
      [...new Set(events.map((e) => e.module!))].sort((a, b) => a.localeCompare(b)),
    );
    assert.strictEqual(
      groups.reduce((n, g) => n + g.events.length, 0),
      events.length,
    );
    const hold = groups.flatMap((g) => g.events).find((i) => i.event.id.endsWith('ApInvHoldApplied'))!;
    assert.deepStrictEqual(eventRow(hold), {
      label: 'Payables Invoice Hold Applied',
      description: 'ApInvHoldApplied · disabled',
      state: 'disabled',
    });
  });

  it('says "state unknown" when erpBusinessEvents could not be read, and filters over every event', () => {
    const [first] = catalogGroups(events, undefined);
    assert.match(eventRow(first.events[0]).description, /state unknown$/);
    const held = catalogGroups(events, records, 'HOLD').flatMap((g) => g.events.map((i) => i.event.displayName));
    assert.deepStrictEqual(held.sort(), [
      'Payables Invoice Hold Applied',
      'Payables Invoice Hold Released',
      'Sales Order Hold Applied',
    ]);
  });
});

describe('Fusion passwords handed over in the environment', () => {
  it('reads a JSON object of connection name → password, and ignores anything else', () => {
    assert.deepStrictEqual(
      [...passwordsFromEnvironment({ [PASSWORDS_VARIABLE]: '{"acme": "s3cret", "bad": 1}' })],
      [['acme', 's3cret']],
    );
    for (const value of [undefined, 'not json', '["acme"]', 'null']) {
      assert.strictEqual(passwordsFromEnvironment({ [PASSWORDS_VARIABLE]: value }).size, 0, String(value));
    }
  });
});
