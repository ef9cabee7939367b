import { IncomingHttpHeaders } from 'http';
import { sameSecret } from '../../core/crypto/sameSecret';
import { FusionEvent } from '../../core/fusion/fusionEvents';
import { ApiError } from '../services/apiError';
import { header, Route } from './route';
import { FusionState, ResponseShape } from '../store/fusionState';

const VERSIONS = new Set(['11.13.18.05', 'latest']);
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 500;
const REALM = 'Basic realm="Oracle Fusion Cloud (emulated)"';

/**
 * Fusion's error body. ADF REST answers errors with a title, status and detail; the exact
 * shape varies by release, so this one is a guess that clients should read leniently.
 */
const fusionError = (err: ApiError) => ({ title: err.code, status: String(err.status), detail: err.message });

/** Basic auth against the emulated instance's user; a wrong or missing one is 401 with WWW-Authenticate. */
export function checkBasicAuth(headers: IncomingHttpHeaders, fusion: FusionState): void {
  const authorization = header(headers, 'authorization') ?? '';
  const expected = `Basic ${Buffer.from(`${fusion.username}:${fusion.password}`).toString('base64')}`;
  if (!sameSecret(authorization, expected)) {
    throw new ApiError(401, 'Unauthorized', 'The user name or password is not correct.', { 'WWW-Authenticate': REALM });
  }
}

/** The Fusion endpoints of fusion.md: the event catalogs, subscriptions, and enabling events. */
export const fusionRoutes: Route[] = [
  fusion('GET', '/soa-infra/PublicEvent/catalog', 'fusion.catalog', ({ state }) => ({
    status: 200,
    body: { events: state.fusion.shapes.catalog === 'empty' ? [] : state.fusion.catalog.map(catalogEntry) },
  })),
  fusion('GET', '/soa-infra/PublicEvent/customCatalog', 'fusion.customCatalog', ({ state }) => ({
    status: 200,
    body: shaped(state.fusion.customCatalog.map(catalogEntry), state.fusion.shapes.customCatalog),
  })),
  fusion('GET', '/soa-infra/PublicEvent/subscriptions', 'fusion.subscriptions', ({ state }) => ({
    status: 200,
    body: shaped([...state.fusion.subscriptions.values()], state.fusion.shapes.subscriptions),
  })),
  fusion('DELETE', '/soa-infra/PublicEvent/subscriptions/{id}', 'fusion.deleteSubscription', ({ state, params }) => {
    if (!state.fusion.subscriptions.delete(params.id)) {
      throw new ApiError(404, 'Not Found', `There is no subscription ${params.id}.`);
    }
    return { status: 204 };
  }),
  fusion('GET', '/fscmRestApi/resources/{version}/erpBusinessEvents', 'fusion.listErpBusinessEvents', (ctx) => {
    checkVersion(ctx.params.version);
    const limit = Math.min(MAX_LIMIT, positive(ctx.query.get('limit'), 'limit') ?? DEFAULT_LIMIT);
    const offset = positive(ctx.query.get('offset'), 'offset') ?? 0;
    const all = [...ctx.state.fusion.businessEvents.values()];
    const items = all.slice(offset, offset + limit).map((r) => withLinks(r, ctx.baseUrl, ctx.params.version));
    return {
      status: 200,
      body: {
        items,
        count: items.length,
        hasMore: offset + items.length < all.length,
        limit,
        offset,
        links: [
          {
            rel: 'self',
            href: `${ctx.baseUrl}/fscmRestApi/resources/${ctx.params.version}/erpBusinessEvents`,
            name: 'erpBusinessEvents',
            kind: 'collection',
          },
        ],
      },
    };
  }),
  fusion('GET', '/fscmRestApi/resources/{version}/erpBusinessEvents/{id}', 'fusion.getErpBusinessEvent', (ctx) => {
    checkVersion(ctx.params.version);
    return { status: 200, body: withLinks(record(ctx.state.fusion, ctx.params.id), ctx.baseUrl, ctx.params.version) };
  }),
  fusion('PATCH', '/fscmRestApi/resources/{version}/erpBusinessEvents/{id}', 'fusion.updateErpBusinessEvent', (ctx) => {
    checkVersion(ctx.params.version);
    const current = record(ctx.state.fusion, ctx.params.id);
    const enabled = (ctx.body as { EnabledFlag?: unknown } | undefined)?.EnabledFlag;
    if (typeof enabled !== 'boolean') {
      // The seed's {"EnabledFlag": "Y"} lands here: Oracle documents a boolean.
      throw new ApiError(400, 'Bad Request', 'EnabledFlag must be true or false (a JSON boolean).');
    }
    const updated = {
      ...current,
      EnabledFlag: enabled,
      LastUpdateDate: new Date(ctx.now).toISOString().replace('Z', '+00:00'),
      LastUpdatedBy: ctx.state.fusion.username,
    };
    ctx.state.fusion.businessEvents.set(updated.ErpBusinessEventId, updated);
    return { status: 200, body: withLinks(updated, ctx.baseUrl, ctx.params.version) };
  }),
];

function fusion(method: string, path: string, operation: string, handle: Route['handle']): Route {
  return { method, path, operation, auth: 'basic', errorBody: fusionError, handle };
}

/** The public catalog's shape: our reference data's extra fields are left out. */
function catalogEntry(event: FusionEvent) {
  return {
    id: event.id,
    name: event.name,
    displayName: event.displayName,
    description: event.description ?? '',
    customEvents: [],
    documentService: event.documentService ?? null,
    documentTransform: event.documentTransform ?? null,
  };
}

function shaped(items: unknown[], shape: ResponseShape): unknown {
  switch (shape) {
    case 'array':
      return items;
    case 'items':
      return { items };
    case 'events':
      return { events: items };
    case 'unexpected':
      return { result: 'OK', data: { count: items.length } };
  }
}

function checkVersion(version: string): void {
  if (!VERSIONS.has(version)) {
    throw new ApiError(404, 'Not Found', `There is no REST API version ${version}; use 11.13.18.05 or latest.`);
  }
}

function positive(value: string | null, name: string): number | undefined {
  if (value === null) {
    return undefined;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new ApiError(400, 'Bad Request', `${name} must be a whole number.`);
  }
  return n;
}

function record(fusion: FusionState, id: string) {
  const found = fusion.businessEvents.get(Number(id));
  if (!found) {
    throw new ApiError(
      404,
      'Not Found',
      `There is no ERP business event ${id}: the id is ErpBusinessEventId, a number.`,
    );
  }
  return found;
}

function withLinks<T extends { ErpBusinessEventId: number }>(item: T, baseUrl: string, version: string) {
  const href = `${baseUrl}/fscmRestApi/resources/${version}/erpBusinessEvents/${item.ErpBusinessEventId}`;
  return { ...item, links: [{ rel: 'self', href, name: 'erpBusinessEvents', kind: 'item' }] };
}
