import { FusionEvent, parseQName } from './fusionEvents';

/** Namespace path parts and the module they belong to, most specific first. */
const MODULES: readonly [RegExp, string][] = [
  [/\/financials\/payables\//i, 'Payables'],
  [/\/financials\/receivables\//i, 'Receivables'],
  [/\/financials\/generalLedger\//i, 'General Ledger'],
  [/\/financials\/expenses\//i, 'Expenses'],
  [/\/financials\/commonModules\//i, 'FBDI'],
  [/\/scm\/(inventory|receiving)\//i, 'Inventory'],
  [/\/scm\/doo\//i, 'Order Management'],
  [/\/scm\/manufacturing\//i, 'Manufacturing'],
  [/\/scm\/plm\//i, 'PLM'],
  [/\/apps\/projects\//i, 'PPM'],
  [/\/apps\/prc\//i, 'Procurement'],
];

/** The module an event belongs to, from its namespace (Fusion's catalog does not say). */
export function moduleOf(event: Pick<FusionEvent, 'name'>): string {
  const namespace = parseQName(event.name)?.namespace ?? '';
  return MODULES.find(([pattern]) => pattern.test(namespace))?.[1] ?? 'Other';
}
