import * as assert from 'assert';
import { checkFlowMapViewMessage } from '../../../src/protocol/flowMapMessageCheck';
import { isFlowMapScope } from '../../../src/flowMap/flowMapScope';
import { MAX_FLOW_SVG_CHARS } from '../../../src/protocol/webviewMessages';

describe('the flow map’s messages and saved state', () => {
  it('takes what the page sends, and refuses anything else with what is wrong', () => {
    assert.deepStrictEqual(checkFlowMapViewMessage({ type: 'reveal', nodeId: 'rule:x', extra: 1 }), {
      type: 'reveal',
      nodeId: 'rule:x',
    });
    assert.throws(() => checkFlowMapViewMessage({ type: 'reveal' }), /nodeId/);
    assert.throws(() => checkFlowMapViewMessage({ type: 'runScript' }), /message\.type/);
    assert.throws(() => checkFlowMapViewMessage(null), /message/);
    assert.throws(
      () => checkFlowMapViewMessage({ type: 'saveSvg', svg: 'x'.repeat(MAX_FLOW_SVG_CHARS + 1) }),
      /at most/,
    );
  });

  it('draws a restored map again only from a saved scope of the right shape', () => {
    assert.ok(isFlowMapScope({ source: 'tenancy', profile: 'P', compartmentId: 'c', compartmentName: 'n' }));
    assert.ok(
      isFlowMapScope({ source: 'tenancy', profile: 'P', compartmentId: 'c', compartmentName: 'n', focus: 'rule:r' }),
    );
    assert.ok(isFlowMapScope({ source: 'fusion', connection: 'acme' }));
    assert.ok(
      isFlowMapScope({ source: 'tenancy', profile: 'P', compartmentId: 'c', compartmentName: 'n', ownOnly: true }),
    );
    assert.ok(
      !isFlowMapScope({ source: 'tenancy', profile: 'P', compartmentId: 'c', compartmentName: 'n', ownOnly: 1 }),
    );
    assert.ok(!isFlowMapScope({ source: 'tenancy', profile: 'P', compartmentId: 'c' }));
    assert.ok(!isFlowMapScope({ source: 'fusion', connection: '' }));
    assert.ok(!isFlowMapScope({ source: 'tenancy', profile: 'P', compartmentId: 'c', compartmentName: 'n', focus: 5 }));
    assert.ok(!isFlowMapScope('tenancy'));
  });
});
