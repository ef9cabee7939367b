/** Filters and payloads of the seed's Purchase Order example, for the XPath tests. */
export const PO_EVENT =
  '{http://xmlns.oracle.com/apps/prc/po/approval/PrcPoApprovalComposite/PurchaseOrder}PurchaseOrder';
export const PO_SERVICE = 'http://xmlns.oracle.com/apps/prc/po/editDocument/purchaseOrderServiceV2/';
export const PO_TYPES = 'http://xmlns.oracle.com/apps/prc/po/editDocument/purchaseOrderServiceV2/types/';

/** Seed 001's filter, as OIC stores it, naming its target event. */
export const SEED_FILTER = `<!-- oew:event ${PO_EVENT} -->
<xpathExpr
xmlns:ns0="${PO_SERVICE}"
xmlns:ns2="${PO_TYPES}">
$eventPayload/ns2:result/ns0:Value/ns0:PurchaseOrderLine/ns0:ItemDescription="Lan Cable"
</xpathExpr>
`;

export function poPayload(options: { item?: string; total?: number; serviceNamespace?: string } = {}): string {
  return `<ns01:onEvent xmlns:ns01="urn:oic:erp:onEvent" xmlns:ns2="${PO_TYPES}" xmlns:ns0="${options.serviceNamespace ?? PO_SERVICE}">
  <ns2:result>
    <ns0:Value>
      <ns0:OrderNumber>PO-12345</ns0:OrderNumber>
      <ns0:Total>${options.total ?? 250}</ns0:Total>
      <ns0:PurchaseOrderLine><ns0:ItemDescription>${options.item ?? 'Lan Cable'}</ns0:ItemDescription></ns0:PurchaseOrderLine>
    </ns0:Value>
  </ns2:result>
</ns01:onEvent>`;
}

/** A filter in the wrapper with the PO namespaces declared, for a given expression. */
export function poFilter(expression: string): string {
  return `<!-- oew:event ${PO_EVENT} -->\n<xpathExpr xmlns:ns0="${PO_SERVICE}" xmlns:ns2="${PO_TYPES}">${expression}</xpathExpr>\n`;
}
