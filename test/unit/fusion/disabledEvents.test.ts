import * as assert from 'assert';
import { disabledEvents, subscribesToDisabledEvent } from '../../../src/core/fusion/disabledEvents';
import { FusionEvent } from '../../../src/core/fusion/fusionEvents';

describe('Fusion disabled events', () => {
  const event = (id: string, displayName: string): FusionEvent => ({ id, name: `{urn:x}${id}`, displayName });
  const record = (id: number, code: string, enabled: boolean) => ({
    ErpBusinessEventId: id,
    BusinessEventCode: code,
    BusinessEventIdentifier: code,
    EnabledFlag: enabled,
  });
  const events = [event('B', 'beta'), event('A', 'Alpha'), event('C', 'Charlie')];

  it('lists only disabled events, by name regardless of case, ties in the instance’s order', () => {
    const records = [
      record(1, 'C', false),
      record(2, 'B', false),
      record(3, 'A', true),
      record(4, 'Zed', false),
      record(5, 'zed', false),
      record(6, 'alpha', false),
    ];
    assert.deepStrictEqual(
      disabledEvents(events, records).map((d) => d.record.ErpBusinessEventId),
      [6, 2, 1, 4, 5],
    );
    assert.strictEqual(disabledEvents(events, records)[1].event?.displayName, 'beta');
  });

  it('flags a subscription whose event is disabled, by QName, id or local name, and only then', () => {
    const records = [record(1, 'A', false), record(2, 'B', true)];
    assert.strictEqual(subscribesToDisabledEvent('{urn:x}A', events, records), true);
    assert.strictEqual(subscribesToDisabledEvent('A', events, records), true);
    assert.strictEqual(subscribesToDisabledEvent('{urn:x}B', events, records), false);
    // Unknown events and events without a record have no known state: no flag.
    assert.strictEqual(subscribesToDisabledEvent('{urn:x}C', events, records), false);
    assert.strictEqual(subscribesToDisabledEvent('{urn:y}Other', events, records), false);
  });
});
