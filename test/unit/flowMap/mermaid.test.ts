import * as assert from 'assert';
import { buildFlowGraph } from '../../../src/core/flowMap/flowGraph';
import { flowchartText } from '../../../src/core/flowMap/mermaid';
import { input, LAUNCH, rule, shortType, subscription, topic } from './fixtures';

describe('the flow map as Mermaid', () => {
  it('is a flowchart LR with a shape per kind, dotted disabled edges, a class per flag, and labels escaped', () => {
    const graph = buildFlowGraph(
      input({
        rules: [
          rule('say "hi" <now>', { eventType: LAUNCH }, ['alerts']),
          rule('off', {}, ['alerts'], { enabled: false }),
        ],
        topics: [topic('alerts')],
        subscriptions: [subscription('alerts', 'PENDING', 'https://hooks.example.com/#x')],
      }),
    );
    assert.strictEqual(
      flowchartText(graph),
      [
        'flowchart LR',
        '  n0["say #quot;hi#quot; #lt;now#gt;"]',
        `  n1(["${shortType(LAUNCH)}"])`,
        '  n2[["alerts"]]',
        '  n3["off"]',
        '  n4(["any event"])',
        '  n5>"CUSTOM_HTTPS<br/>https://hooks.example.com/#35;x · PENDING"]',
        '  n1 --> n0',
        '  n0 --> n2',
        '  n4 -.-> n3',
        '  n3 -.-> n2',
        '  n2 --> n5',
        '  classDef disabled fill:#eee,stroke:#999,stroke-dasharray:4 3,color:#666',
        '  class n3 disabled',
        '  classDef pending stroke:#c90,stroke-width:2px,stroke-dasharray:4 3',
        '  class n5 pending',
        '  classDef anyEvent stroke:#c33,stroke-width:2px',
        '  class n4 anyEvent',
        '',
      ].join('\n'),
    );
  });
});
