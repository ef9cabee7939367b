import * as assert from 'assert';
import { checkMessage, MAX_MESSAGE_BYTES } from '../../../src/core/ons/messageSize';
import { checkTopicName } from '../../../src/core/ons/topicName';

describe('topic names and message sizes, checked before calling ONS', () => {
  it('needs a name, and names one already known in the tenancy, case-sensitively', () => {
    assert.match(checkTopicName('  ') ?? '', /needs a name/);
    assert.match(checkTopicName('infra-alerts', ['infra-alerts']) ?? '', /already exists.*unique across the tenancy/);
    assert.strictEqual(checkTopicName('Infra-Alerts', ['infra-alerts']), undefined);
  });

  it('takes a message of exactly 64 KB and refuses one byte more, counting UTF-8 bytes of title and body', () => {
    assert.strictEqual(checkMessage('', 'x'.repeat(MAX_MESSAGE_BYTES)), undefined);
    assert.match(checkMessage('t', 'x'.repeat(MAX_MESSAGE_BYTES)) ?? '', /65537 bytes.*at most 64 KB/);
    // "é" is two bytes in UTF-8: 32,769 of them are over the limit although the string is shorter.
    assert.match(checkMessage('', 'é'.repeat(MAX_MESSAGE_BYTES / 2 + 1)) ?? '', /at most 64 KB/);
    assert.match(checkMessage('title', '') ?? '', /needs a body/);
  });
});
