import * as assert from 'assert';
import { NodeBox, nextNode } from '../../../src/core/flowMap/nodeNavigation';

// Three columns: an event type, two rules below each other, a topic between them.
const box = (id: string, x: number, y: number): NodeBox => ({ id, x, y, width: 100, height: 40 });
const MAP = [box('type', 0, 30), box('rule-a', 200, 0), box('rule-b', 200, 60), box('topic', 400, 30)];

describe('moving between the flow map’s nodes with the arrow keys', () => {
  it('goes to the nearest node that way, and nowhere at the edge of the map', () => {
    assert.strictEqual(nextNode(MAP, 'type', 'right'), 'rule-a');
    assert.strictEqual(nextNode(MAP, 'rule-a', 'down'), 'rule-b');
    assert.strictEqual(nextNode(MAP, 'rule-b', 'up'), 'rule-a');
    assert.strictEqual(nextNode(MAP, 'rule-b', 'right'), 'topic');
    assert.strictEqual(nextNode(MAP, 'topic', 'left'), 'rule-a');
    assert.strictEqual(nextNode(MAP, 'topic', 'right'), undefined);
    assert.strictEqual(nextNode(MAP, 'type', 'up'), undefined);
    // With nothing focused yet, the first node.
    assert.strictEqual(nextNode(MAP, 'gone', 'right'), 'type');
    assert.strictEqual(nextNode([], 'gone', 'right'), undefined);
  });
});
