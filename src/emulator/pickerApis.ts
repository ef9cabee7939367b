import { notFound } from './apiError';
import { pageOf } from './paging';
import { Route } from './route';

/**
 * Functions (/20181201 applications and functions) and Streaming (/20180418 streams): listings
 * only, enough for a rule editor to pick a FAAS or OSS target by name.
 */
export const pickerRoutes: Route[] = [
  {
    method: 'GET',
    path: '/20181201/applications',
    operation: 'functions.listApplications',
    handle: ({ query, state }) => {
      const compartmentId = query.get('compartmentId') ?? '';
      if (!state.isCompartment(compartmentId)) {
        throw notFound();
      }
      const { page, headers } = pageOf(
        [...state.applications.values()].filter((a) => a.compartmentId === compartmentId),
        query,
        50,
        10,
      );
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    path: '/20181201/functions',
    operation: 'functions.listFunctions',
    handle: ({ query, state }) => {
      const applicationId = query.get('applicationId') ?? '';
      if (!state.applications.has(applicationId)) {
        throw notFound();
      }
      const { page, headers } = pageOf(
        [...state.functions.values()].filter((f) => f.applicationId === applicationId),
        query,
        50,
        10,
      );
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    path: '/20180418/streams',
    operation: 'streaming.listStreams',
    handle: ({ query, state }) => {
      const compartmentId = query.get('compartmentId') ?? '';
      if (!state.isCompartment(compartmentId)) {
        throw notFound();
      }
      const { page, headers } = pageOf(
        [...state.streams.values()].filter((s) => s.compartmentId === compartmentId),
        query,
        50,
        10,
      );
      return { status: 200, body: page, headers };
    },
  },
];
