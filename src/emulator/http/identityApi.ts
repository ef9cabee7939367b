import { notFound } from '../services/apiError';
import { Compartment } from '../store/model';
import { pageOf, sortBy } from './paging';
import { compartmentParam, Route } from './route';
import { etagOf } from '../store/state';

/** Identity (/20160918): the tenancy and its compartments. */
export const identityRoutes: Route[] = [
  {
    method: 'GET',
    path: '/20160918/tenancies/{tenancyId}',
    operation: 'identity.getTenancy',
    handle: ({ params, state }) => {
      if (params.tenancyId !== state.tenancy.id) {
        throw notFound();
      }
      return { status: 200, body: state.tenancy };
    },
  },
  {
    method: 'GET',
    path: '/20160918/compartments/{compartmentId}',
    operation: 'identity.getCompartment',
    handle: ({ params, state }) => {
      const compartment = state.compartments.get(params.compartmentId);
      if (!compartment) {
        throw notFound();
      }
      return { status: 200, body: compartment, headers: { etag: etagOf(compartment) } };
    },
  },
  {
    method: 'GET',
    path: '/20160918/compartments',
    operation: 'identity.listCompartments',
    handle: ({ query, state }) => {
      const parent = compartmentParam(query, state);
      const subtree = query.get('compartmentIdInSubtree') === 'true';
      const name = query.get('name');
      const lifecycle = query.get('lifecycleState');
      let items = [...state.compartments.values()].filter(
        (c) =>
          (subtree ? state.ancestry(c.compartmentId).includes(parent) : c.compartmentId === parent) &&
          (!name || c.name === name) &&
          (!lifecycle || c.lifecycleState === lifecycle),
      );
      items = sortBy<Compartment>(items, query, { NAME: (c) => c.name, TIMECREATED: (c) => c.timeCreated }, 'NAME');
      const { page, headers } = pageOf(items, query, 1000, 100);
      return { status: 200, body: page, headers };
    },
  },
];
