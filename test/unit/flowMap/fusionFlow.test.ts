import * as assert from 'assert';
import type { FusionSubscriptionInfo } from '../../../src/core/fusion/fusionClient';
import { referenceCatalog } from '../../../src/core/fusion/referenceCatalog';
import { buildFusionFlow } from '../../../src/core/flowMap/fusionFlow';

const events = referenceCatalog();
const [first, second] = events;
const subscription = (id: string, eventName: string, host: string, filter?: string): FusionSubscriptionInfo => ({
  id,
  eventName,
  endpoint: `https://${host}/ic/api/integration/v1/flows/erp/${id}/1.0/`,
  integration: id,
  ...(filter ? { filter } : {}),
  raw: {},
});

describe('the flow map of a Fusion connection', () => {
  it('draws events → subscriptions → OIC hosts, and finds a disabled event, a filter with errors and a stale host', () => {
    const { graph, findings } = buildFusionFlow({
      connection: {
        name: 'acme',
        baseUrl: 'https://acme.example',
        username: 'u',
        expectedOicHosts: ['oic-test.example'],
      },
      subscriptions: [
        subscription('PO_SYNC', first.name, 'oic-test.example', '<xpathExpr>broken[</xpathExpr>'),
        subscription('AP_SYNC', second.name, 'oic-prod.example'),
        subscription('PO_FINE', first.name, 'oic-test.example', '<xpathExpr>true()</xpathExpr>'),
      ],
      events,
      records: [
        { ErpBusinessEventId: 1, BusinessEventCode: 'AP', BusinessEventIdentifier: second.id, EnabledFlag: false },
      ],
      filterError: (filter) => (filter.includes('[<') ? 'The expression ends inside a predicate.' : undefined),
    });
    assert.deepStrictEqual(
      graph.nodes.map((n) => [n.kind, n.label, n.detail ?? '', n.flags.join()]),
      [
        ['fusionEvent', first.displayName, '', ''],
        ['fusionSubscription', 'PO_SYNC', 'filter with errors', 'failed'],
        ['oicHost', 'oic-test.example', '', ''],
        ['fusionEvent', second.displayName, '', 'disabled'],
        ['fusionSubscription', 'AP_SYNC', 'every event', 'stale'],
        ['oicHost', 'oic-prod.example', '', 'stale'],
        ['fusionSubscription', 'PO_FINE', 'filter', ''],
      ],
    );
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.message]),
      [
        ['fusion-filter-errors', 'The filter of PO_SYNC has an error: The expression ends inside a predicate.'],
        [
          'fusion-event-disabled',
          `AP_SYNC subscribes to ${second.displayName}, which is disabled in this instance: no event reaches it.`,
        ],
      ],
    );
    assert.deepStrictEqual(
      graph.edges.filter((e) => e.disabled).map((e) => e.to),
      ['fusionSubscription:AP_SYNC', 'oicHost:oic-prod.example'],
    );
  });
});
