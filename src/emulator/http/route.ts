import { IncomingHttpHeaders } from 'http';
import { ApiError, notFound } from '../services/apiError';
import { EmulatorState } from '../store/state';

export interface RouteContext {
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, for methods that carry one. */
  readonly body: unknown;
  readonly state: EmulatorState;
  readonly now: number;
  /** The emulator's own URL, for links it hands out (confirmation, unsubscribe). */
  readonly baseUrl: string;
}

export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Route {
  readonly method: string;
  /** Such as /20181201/rules/{ruleId}. */
  readonly path: string;
  /** The SDK operation name, counted by /_emulator/stats. */
  readonly operation: string;
  /** Whether an opc-retry-token replays the first response. */
  readonly idempotent?: boolean;
  /**
   * How callers prove who they are: an OCI request signature (the default); Basic auth, as
   * Fusion's REST and SOA endpoints take it; or nothing, for links a user opens (confirmation,
   * unsubscribe) and the emulator's own controls.
   */
  readonly auth?: 'signature' | 'basic' | 'none';
  /** A GET that changes what the emulator holds (confirming a subscription), so it is saved too. */
  readonly changesState?: boolean;
  /** The service's error body for an error, when it is not OCI's {code, message}. */
  readonly errorBody?: (err: ApiError) => unknown;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export interface CompiledRoute extends Route {
  /** The path parameters of a matching request, still %-encoded. */
  match(method: string, path: string): Record<string, string> | undefined;
}

export function compileRoute(route: Route): CompiledRoute {
  const names: string[] = [];
  const pattern = new RegExp(
    '^' +
      route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      }) +
      '$',
  );
  return {
    ...route,
    match(method, path) {
      const found = method === route.method ? pattern.exec(path) : null;
      return found ? Object.fromEntries(names.map((n, i) => [n, found[i + 1]])) : undefined;
    },
  };
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The `compartmentId` query parameter of a list operation; an unknown one is 404, as in OCI. */
export function compartmentParam(query: URLSearchParams, state: EmulatorState): string {
  const compartmentId = query.get('compartmentId') ?? '';
  if (!state.isCompartment(compartmentId)) {
    throw notFound();
  }
  return compartmentId;
}

/** The if-match of an update or delete, which the service compares with the resource's ETag. */
export function ifMatch(ctx: RouteContext): string | undefined {
  return header(ctx.headers, 'if-match');
}
