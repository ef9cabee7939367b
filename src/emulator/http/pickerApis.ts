import { notFound } from '../services/apiError';
import { pageOf } from './paging';
import { compartmentParam, Route, RouteContext } from './route';
import { EmulatorState, etagOf } from '../store/state';

/**
 * Functions (/20181201 applications and functions) and Streaming (/20180418 streams): listings,
 * enough for a rule editor to pick a FAAS or OSS target by name, and a read of one function or
 * stream, enough for the tree to name a rule's action target.
 */
export const pickerRoutes: Route[] = [
  listing('/20181201/applications', 'functions.listApplications', (state, query) => {
    const compartmentId = compartmentParam(query, state);
    return [...state.applications.values()].filter((a) => a.compartmentId === compartmentId);
  }),
  listing('/20181201/functions', 'functions.listFunctions', (state, query) => {
    const applicationId = query.get('applicationId') ?? '';
    if (!state.applications.has(applicationId)) {
      throw notFound();
    }
    return [...state.functions.values()].filter((f) => f.applicationId === applicationId);
  }),
  listing('/20180418/streams', 'streaming.listStreams', (state, query) => {
    const compartmentId = compartmentParam(query, state);
    return [...state.streams.values()].filter((s) => s.compartmentId === compartmentId);
  }),
  reading('/20181201/functions/{functionId}', 'functions.getFunction', (state, id) => state.functions.get(id)),
  reading('/20180418/streams/{streamId}', 'streaming.getStream', (state, id) => state.streams.get(id)),
];

function reading(path: string, operation: string, item: (state: EmulatorState, id: string) => unknown): Route {
  return {
    method: 'GET',
    path,
    operation,
    handle: ({ state, params }: RouteContext) => {
      const found = item(state, Object.values(params)[0] ?? '');
      if (!found) {
        throw notFound();
      }
      return { status: 200, body: found, headers: { etag: etagOf(found) } };
    },
  };
}

function listing(
  path: string,
  operation: string,
  items: (state: EmulatorState, query: URLSearchParams) => unknown[],
): Route {
  return {
    method: 'GET',
    path,
    operation,
    handle: ({ state, query }: RouteContext) => {
      const { page, headers } = pageOf(items(state, query), query, 50, 10);
      return { status: 200, body: page, headers };
    },
  };
}
