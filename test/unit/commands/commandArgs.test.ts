import * as assert from 'assert';
import {
  anything,
  checkArgs,
  describeValue,
  either,
  optional,
  row,
  shaped,
  text,
} from '../../../src/core/commands/commandArgs';

interface Topic {
  readonly kind: 'topic';
  readonly name: string;
}
const topicRow = row<Topic>('a topic of the Tenancy view', 'topic');
const TITLE = 'OCI Events: Delete Topic';

describe('Command arguments', () => {
  it('lets through what a menu passes, with the selected rows after the clicked one', () => {
    const topic = { kind: 'topic', name: 'orders' };
    assert.doesNotThrow(() => checkArgs(TITLE, [topicRow], [topic, [topic]]));
  });

  it('refuses a wrong argument with a message that names the command, what it takes and what it got', () => {
    assert.throws(
      () => checkArgs(TITLE, [topicRow], ['orders']),
      (err: Error & { nextStep?: string }) =>
        err.message ===
          'OCI Events: Delete Topic takes a topic of the Tenancy view as its first argument, and was given a text.' &&
        /Command Palette/.test(err.nextStep ?? ''),
    );
    assert.throws(() => checkArgs(TITLE, [topicRow], [{ kind: 'rule' }]), /was given a "rule" row/);
    assert.throws(() => checkArgs(TITLE, [topicRow], []), /was given nothing/);
    assert.throws(
      () => checkArgs(TITLE, [optional(topicRow), text], [undefined, 3]),
      /as its second argument, and was given a number/,
    );
  });

  it('takes nothing where an argument is optional, and either of two kinds where it says so', () => {
    assert.doesNotThrow(() => checkArgs(TITLE, [optional(topicRow)], []));
    const topicOrText = either(topicRow, text);
    assert.doesNotThrow(() => checkArgs(TITLE, [topicOrText], ['orders']));
    assert.throws(() => checkArgs(TITLE, [topicOrText], [1]), /a topic of the Tenancy view or a text/);
  });

  it('checks an object argument with its guard, and refuses a list in its place', () => {
    const input = shaped<{ name: string }>('a name', (v) => typeof v.name === 'string');
    assert.doesNotThrow(() => checkArgs(TITLE, [input], [{ name: 'x' }]));
    assert.throws(() => checkArgs(TITLE, [input], [{ name: 1 }]), /takes a name/);
    assert.throws(() => checkArgs(TITLE, [input], [['x']]), /was given a list of 1/);
    assert.doesNotThrow(() => checkArgs(TITLE, [anything], [Symbol('any')]));
  });

  it('never shows a value it was given, only what kind of value it is: it may be a secret', () => {
    assert.strictEqual(describeValue('s3cret-token'), 'a text');
    assert.strictEqual(describeValue({ kind: 's3cret token!' }), 'an object');
    assert.strictEqual(describeValue({ password: 'x' }), 'an object');
    assert.strictEqual(describeValue(null), 'nothing');
  });
});
