import { notFound } from './apiError';
import { pageOf } from './paging';
import { compartmentParam, Route, RouteContext } from './route';
import { EmulatorState } from './state';

/**
 * Functions (/20181201 applications and functions) and Streaming (/20180418 streams): listings
 * only, enough for a rule editor to pick a FAAS or OSS target by name.
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
];

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
