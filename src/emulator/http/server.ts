import { randomBytes } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { ApiError, invalidParameter, notFound } from '../services/apiError';
import { checkControlRequest } from './controlGuard';
import { emulatorRoutes } from './emulatorApi';
import { BodyFault, FaultInjector, FaultPlan } from './faults';
import { eventsRoutes } from './eventsApi';
import { verifySignature } from './httpSignature';
import { sessionKey } from '../sessionTokens';
import { identityRoutes } from './identityApi';
import { onsRoutes } from './onsApi';
import { pickerRoutes } from './pickerApis';
import { checkBasicAuth, fusionRoutes } from './fusionApi';
import { fusionControlRoutes } from './fusionRaise';
import { CompiledRoute, compileRoute, header, RouteResult } from './route';
import { parseJson, readBody } from './requestBody';
import { EmulatorState } from '../store/state';

export interface EmulatorServerOptions {
  readonly state: EmulatorState;
  readonly port?: number;
  /** Added to every API call, to make listings cost what they cost against a real region. */
  readonly latencyMs?: number;
  readonly faults?: FaultInjector;
}

export interface EmulatorServer {
  readonly url: string;
  readonly stats: Map<string, number>;
  readonly faults: FaultInjector;
  close(): Promise<void>;
}

/** Session-token requests sign with keyId `ST$<token>` instead of tenancy/user/fingerprint. */
const SESSION_KEY_PREFIX = 'ST$';

const ROUTES = [
  ...identityRoutes,
  ...eventsRoutes,
  ...onsRoutes,
  ...pickerRoutes,
  ...fusionRoutes,
  ...fusionControlRoutes,
  ...emulatorRoutes,
].map(compileRoute);
const CONTROLS = '/_emulator/';

/** One HTTP server on 127.0.0.1 for every emulated API, speaking the real REST paths and shapes. */
export async function startEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const stats = new Map<string, number>();
  const faults = options.faults ?? new FaultInjector();
  let baseUrl = '';
  const server = http.createServer((req, res) => {
    void handle(req, options, stats, faults, baseUrl).then((result) => send(res, result, faults));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    stats,
    faults,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: http.IncomingMessage,
  options: EmulatorServerOptions,
  stats: Map<string, number>,
  faults: FaultInjector,
  baseUrl: string,
): Promise<Response> {
  let route: CompiledRoute | undefined;
  let fault: FaultPlan | undefined;
  try {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith(CONTROLS)) {
      checkControlRequest(method, req.headers);
    }
    if (method === 'GET' && url.pathname === '/_emulator/stats') {
      return { status: 200, body: Object.fromEntries([...stats, ...faults.injected]) };
    }
    if (url.pathname === '/_emulator/faults' && (method === 'GET' || method === 'POST')) {
      return { status: 200, body: method === 'POST' ? faults.update(parseJson(body, method)) : faults.settings };
    }
    let params: Record<string, string> | undefined;
    route = ROUTES.find((r) => (params = r.match(method, url.pathname)));
    if (!route || !params) {
      throw notFound();
    }
    stats.set(route.operation, (stats.get(route.operation) ?? 0) + 1);
    if (route.auth !== 'none') {
      if (route.auth === 'basic') {
        checkBasicAuth(req.headers, options.state.fusion);
      } else {
        const now = new Date();
        const lookup = (keyId: string) =>
          keyId.startsWith(SESSION_KEY_PREFIX)
            ? sessionKey(options.state.sessionSecret, keyId.slice(SESSION_KEY_PREFIX.length), now)
            : options.state.apiKeys.get(keyId);
        verifySignature({ method, url: req.url ?? '/', headers: req.headers, body }, lookup, now);
      }
      fault = faults.next();
      if (fault.delayMs) {
        await new Promise((resolve) => setTimeout(resolve, fault!.delayMs));
      }
      if (fault.kind === 'reset') {
        return { status: 0, reset: true };
      }
      if (fault.kind === 'error') {
        throw fault.error;
      }
    }
    if (options.latencyMs) {
      await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    }
    const retryToken = route.idempotent ? header(req.headers, 'opc-retry-token') : undefined;
    const replayKey = retryToken && `${route.operation} ${url.pathname} ${retryToken}`;
    const now = Date.now();
    const replay = replayKey ? options.state.retryTokens.get(replayKey, now) : undefined;
    if (replay) {
      return withBodyFault(replay, fault);
    }
    const result = await route.handle({
      params: decodeParams(params),
      query: url.searchParams,
      headers: req.headers,
      body: parseJson(body, method),
      state: options.state,
      now,
      baseUrl,
    });
    if ((method !== 'GET' || route.changesState) && result.status < 300) {
      // Written before the answer, so nothing a client was told happened is lost in a crash.
      await options.state.onChange();
    }
    if (replayKey) {
      options.state.retryTokens.set(
        replayKey,
        { status: result.status, body: result.body, headers: result.headers ?? {} },
        now,
      );
    }
    return withBodyFault(result, fault);
  } catch (err) {
    if (err instanceof ApiError) {
      return {
        status: err.status,
        body: route?.errorBody ? route.errorBody(err) : { code: err.code, message: err.message },
        headers: err.headers,
      };
    }
    // The cause goes to the emulator's log; a client shows the message, where a raw Node error would puzzle.
    options.state.log(
      `${req.method ?? 'GET'} ${req.url ?? '/'} failed: ${err instanceof Error ? err.message : String(err)}`,
    );
    return {
      status: 500,
      body: { code: 'InternalError', message: 'The emulator could not handle this request; its log says why.' },
    };
  }
}

/**
 * Path parameters are decoded only once the caller is authenticated: the signature covers the
 * raw request target, and an unauthenticated caller is told 401 before anything about its
 * parameters, as OCI's gateway authenticates before a service reads them (our reading of the
 * API's error order, not a documented fact). A malformed % escape is then 400, not 500.
 */
function decodeParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, raw]) => {
      try {
        return [name, decodeURIComponent(raw)];
      } catch {
        throw invalidParameter(`The ${name} in the path has a malformed % escape.`);
      }
    }),
  );
}

/** A route's result, or a connection the fault injector resets, or an answer it spoils. */
type Response = RouteResult & { readonly reset?: boolean; readonly bodyFault?: BodyFault };

function withBodyFault(result: RouteResult, fault: FaultPlan | undefined): Response {
  return fault?.kind === 'body' ? { ...result, bodyFault: fault.body } : result;
}

function send(res: http.ServerResponse, result: Response, faults: FaultInjector): void {
  if (result.reset) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = {
    'opc-request-id': randomBytes(16).toString('hex').toUpperCase(),
    ...result.headers,
  };
  if (result.body === undefined) {
    res.writeHead(result.status, headers).end();
    return;
  }
  const json = JSON.stringify(result.body);
  res
    .writeHead(result.status, { ...headers, 'content-type': 'application/json' })
    .end(result.bodyFault ? faults.spoil(json, result.bodyFault) : json);
}
