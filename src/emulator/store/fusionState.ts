import { randomBytes } from 'crypto';
import { findEvent, FusionEvent, parseQName } from '../../core/fusion/fusionEvents';
import { referenceCatalog } from '../../core/fusion/referenceCatalog';

/** A record of /fscmRestApi/resources/11.13.18.05/erpBusinessEvents, in Oracle's documented shape. */
export interface ErpBusinessEvent {
  BusinessEventCode: string;
  BusinessEventIdentifier: string;
  CreatedBy: string;
  CreationDate: string;
  EnabledFlag: boolean;
  LastUpdateDate: string;
  LastUpdateLogin: string;
  LastUpdatedBy: string;
  ErpBusinessEventId: number;
}

/**
 * An event subscription as /soa-infra/PublicEvent/subscriptions lists it. Its shape is not
 * documented anywhere we found (fusion.md), so these field names are a guess; the client reads
 * them tolerantly.
 */
export interface FusionSubscription {
  id: string;
  eventName: string;
  /** The OIC filter, as `<xpathExpr …>…</xpathExpr>`, or null for every event. */
  filter: string | null;
  /** Where the event is delivered: an OIC integration's endpoint. */
  endpoint: string;
  integration: string;
  status: 'Active';
  creationDate: string;
}

/** As many Fusion deliveries as the emulator keeps. */
export const MAX_FUSION_DELIVERIES = 1_000;

export type DeliveryStatus = 'Queued' | 'Delivered' | 'Retried' | 'Maxed out retries';

/** One event's delivery to one subscription, with the seed's states. */
export interface FusionDelivery {
  id: string;
  subscriptionId: string;
  eventName: string;
  status: DeliveryStatus;
  /** Retries after the first attempt; at 10 the delivery is maxed out. */
  retries: number;
  lastStatusCode?: number;
  time: string;
}

export type ResponseShape = 'array' | 'items' | 'events' | 'unexpected';
/** `empty` is what an instance with a broken OAM setup answers, by the seed's account. */
export type CatalogShape = 'events' | 'empty';

/** What the emulated Fusion instance holds. */
export class FusionState {
  readonly username = 'integration_user';
  /** New at every start, like the emulator's API keys; printed in the first stdout line. */
  readonly password = randomBytes(12).toString('base64url');
  readonly catalog: readonly FusionEvent[] = referenceCatalog();
  readonly customCatalog: readonly FusionEvent[] = CUSTOM_EVENTS;
  readonly businessEvents = new Map<number, ErpBusinessEvent>();
  readonly subscriptions = new Map<string, FusionSubscription>();
  private readonly _deliveries: FusionDelivery[] = [];
  /** How /customCatalog and /subscriptions answer: the real shape is unknown, so clients must take all. */
  readonly shapes: { catalog: CatalogShape; customCatalog: ResponseShape; subscriptions: ResponseShape } = {
    catalog: 'events',
    customCatalog: 'array',
    subscriptions: 'items',
  };

  /** The latest deliveries, oldest first. */
  get deliveries(): readonly FusionDelivery[] {
    return this._deliveries;
  }

  /** Keeps a delivery, dropping the oldest past the bound: raised events must not grow the emulator without end. */
  recordDelivery(delivery: FusionDelivery): void {
    if (this._deliveries.length >= MAX_FUSION_DELIVERIES) {
      this._deliveries.shift();
    }
    this._deliveries.push(delivery);
  }

  constructor() {
    this.catalog.forEach((event, index) => {
      const id = FIRST_RECORD_ID + index;
      this.businessEvents.set(id, {
        BusinessEventCode: parseQName(event.name)?.local ?? event.id,
        BusinessEventIdentifier: event.id,
        CreatedBy: 'SEED_DATA_FROM_APPLICATION',
        CreationDate: '2018-12-27T09:43:55.243+00:00',
        EnabledFlag: event.defaultEnabled ?? true,
        LastUpdateDate: '2018-12-27T09:43:55.243+00:00',
        LastUpdateLogin: '-1',
        LastUpdatedBy: 'SEED_DATA_FROM_APPLICATION',
        ErpBusinessEventId: id,
      });
    });
    for (const subscription of DEMO_SUBSCRIPTIONS) {
      this.subscriptions.set(subscription.id, subscription);
    }
  }

  /** An event of either catalog by QName, id or unique local name. */
  findEvent(reference: string): FusionEvent | undefined {
    return findEvent([...this.catalog, ...this.customCatalog], reference);
  }

  /** Whether an event fires: custom events always do; standard ones when their record is enabled. */
  isEnabled(event: FusionEvent): boolean {
    const record = [...this.businessEvents.values()].find((r) => r.BusinessEventIdentifier === event.id);
    return record ? record.EnabledFlag : true;
  }
}

// In the range of the documented example's id (100100104470418).
const FIRST_RECORD_ID = 100100104470000;

/** The OIC hosts of the demo: subscriptions to the second are the stale test-to-production kind. */
export const DEMO_OIC_HOST = 'oic-test-acme.integration.example.invalid';
export const STALE_OIC_HOST = 'oic-prod-acme.integration.example.invalid';

const PO = '{http://xmlns.oracle.com/apps/prc/po/approval/PrcPoApprovalComposite/PurchaseOrder}PurchaseOrder';
const AP = 'http://xmlns.oracle.com/apps/financials/payables/invoices/transactions/model/entity/events';
const flow = (host: string, name: string) => `https://${host}/ic/api/integration/v1/flows/erp/${name}/1.0/`;

const DEMO_SUBSCRIPTIONS: FusionSubscription[] = [
  {
    id: 'SUB-0001',
    eventName: PO,
    filter:
      '<xpathExpr xmlns:ns0="http://xmlns.oracle.com/apps/prc/po/editDocument/purchaseOrderServiceV2/" xmlns:ns2="http://xmlns.oracle.com/apps/prc/po/editDocument/purchaseOrderServiceV2/types/">$eventPayload/ns2:result/ns0:Value/ns0:PurchaseOrderLine/ns0:ItemDescription="Lan Cable"</xpathExpr>',
    endpoint: flow(DEMO_OIC_HOST, 'PO_TO_WMS'),
    integration: 'PO_TO_WMS',
    status: 'Active',
    creationDate: '2026-01-10T08:00:00.000Z',
  },
  {
    id: 'SUB-0002',
    eventName: `{${AP}}ApInvoiceCreated`,
    filter: null,
    endpoint: flow(DEMO_OIC_HOST, 'AP_INVOICE_SYNC'),
    integration: 'AP_INVOICE_SYNC',
    status: 'Active',
    creationDate: '2026-01-10T08:05:00.000Z',
  },
  {
    // Left behind by a refresh of this test environment from production.
    id: 'SUB-0003',
    eventName: `{${AP}}ApInvHoldApplied`,
    filter: null,
    endpoint: flow(STALE_OIC_HOST, 'AP_HOLD_ALERTS'),
    integration: 'AP_HOLD_ALERTS',
    status: 'Active',
    creationDate: '2025-11-02T17:30:00.000Z',
  },
  {
    id: 'SUB-0004',
    eventName: '{http://xmlns.oracle.com/apps/scm/doo/orders/publicEvents}SalesOrderCreated',
    filter: null,
    endpoint: flow(DEMO_OIC_HOST, 'SO_TO_CRM'),
    integration: 'SO_TO_CRM',
    status: 'Active',
    creationDate: '2026-01-11T09:00:00.000Z',
  },
];

const CUSTOM_NS = 'http://xmlns.oracle.com/apps/custom/publicEvents';
const CUSTOM_EVENTS: FusionEvent[] = [
  {
    id: 'Custom_InvoiceApprovalEscalated_c',
    name: `{${CUSTOM_NS}}InvoiceApprovalEscalated_c`,
    displayName: 'Invoice Approval Escalated (custom)',
    description: 'Raised by an Application Composer trigger when an invoice approval is escalated.',
    source: 'assumed',
    sample: {
      prefixes: { ns0: CUSTOM_NS },
      xml: '<ns0:InvoiceApprovalEscalated_cInfo><ns0:InvoiceId>300000047114001</ns0:InvoiceId><ns0:EscalatedTo>AP Manager</ns0:EscalatedTo></ns0:InvoiceApprovalEscalated_cInfo>',
    },
  },
  {
    id: 'Custom_SupplierRiskChanged_c',
    name: `{${CUSTOM_NS}}SupplierRiskChanged_c`,
    displayName: 'Supplier Risk Changed (custom)',
    description: "Raised by an Application Composer trigger when a supplier's risk score changes.",
    source: 'assumed',
    sample: {
      prefixes: { ns0: CUSTOM_NS },
      xml: '<ns0:SupplierRiskChanged_cInfo><ns0:SupplierId>300000070000001</ns0:SupplierId><ns0:RiskScore>72</ns0:RiskScore></ns0:SupplierRiskChanged_cInfo>',
    },
  },
  {
    id: 'Custom_ProjectOverBudget_c',
    name: `{${CUSTOM_NS}}ProjectOverBudget_c`,
    displayName: 'Project Over Budget (custom)',
    description: "Raised by an Application Composer trigger when a project's costs pass its budget.",
    source: 'assumed',
    sample: {
      prefixes: { ns0: CUSTOM_NS },
      xml: '<ns0:ProjectOverBudget_cInfo><ns0:ProjectId>300000140000001</ns0:ProjectId><ns0:Overrun>12500</ns0:Overrun></ns0:ProjectOverBudget_cInfo>',
    },
  },
];
