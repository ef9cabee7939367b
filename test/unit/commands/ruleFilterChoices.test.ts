import * as assert from 'assert';
import { ruleFilterChoices } from '../../../src/core/tenancy/ruleFilterChoices';

describe('Filter Rules…: the picker’s items for what is typed', () => {
  it('never leaves the picker empty: a hint with no text, both ways to match with text', () => {
    assert.deepStrictEqual(
      ruleFilterChoices('', undefined).map((c) => [c.label, c.filter]),
      [['Type part of a rule’s name', undefined]],
    );
    assert.deepStrictEqual(
      ruleFilterChoices('  dev ', undefined).map((c) => [c.label, c.filter]),
      [
        ['Name contains "dev"', { text: 'dev', mode: 'contains' }],
        ['Name is exactly "dev"', { text: 'dev', mode: 'exact' }],
      ],
    );
  });

  it('offers Clear while a filter is on, naming the filter it clears', () => {
    const choices = ruleFilterChoices('net', { text: 'network-changes', mode: 'exact' });
    const clear = choices.find((c) => c.label === 'Clear the filter')!;
    assert.strictEqual(clear.filter, undefined);
    assert.match(clear.detail, /rules named "network-changes"/);
  });
});
