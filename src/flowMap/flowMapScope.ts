import { isJsonObject } from '../core/json/isJsonObject';
import type { FlowMapScope } from '../protocol/webviewMessages';

/** Whether a webview's saved state names a map's scope: it is the page's, so it is checked like any input. */
export function isFlowMapScope(value: unknown): value is FlowMapScope {
  if (!isJsonObject(value)) {
    return false;
  }
  const text = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 1024;
  if (value.source === 'fusion') {
    return text(value.connection);
  }
  return (
    value.source === 'tenancy' &&
    text(value.profile) &&
    text(value.compartmentId) &&
    text(value.compartmentName) &&
    (value.focus === undefined || text(value.focus)) &&
    (value.ownOnly === undefined || typeof value.ownOnly === 'boolean')
  );
}
