import { Dispatcher, Pool, ProxyAgent } from 'undici';
import { isLoopback } from '../net/isLoopback';
import { OutgoingRequest } from './outgoingRequest';
import { percentiles } from './percentiles';
import { urlCredentialsToBasic } from './requestAuth';
import { SendError, sendableUrl, toSendError } from './sendError';
import { BurstResult } from './burstResult';
import { DEFAULT_TIMEOUT_MS, SendOptions } from './sendTypes';
import { nodeTlsOptions } from './tlsOptions';

export interface BurstOptions extends Pick<SendOptions, 'signal' | 'timeoutMs' | 'tls' | 'proxy'> {
  readonly count: number;
  readonly concurrency: number;
}

/**
 * Sends `count` copies over `concurrency` kept-alive connections to one origin. `copy(i)` builds
 * each, so that every copy can carry a fresh {{uuid}}; response bodies are read and dropped.
 */
export async function sendBurst(copy: (index: number) => OutgoingRequest, options: BurstOptions): Promise<BurstResult> {
  if (!(options.count >= 1) || !(options.concurrency >= 1)) {
    throw new SendError('invalid', 'A burst needs at least one copy and a concurrency of at least 1.');
  }
  const first = sendableUrl(copy(0).url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const viaProxy = Boolean(options.proxy) && !isLoopback(first.toString());
  const tls = nodeTlsOptions(options.tls);
  const dispatcher: Dispatcher = viaProxy
    ? new ProxyAgent({
        uri: options.proxy!.url,
        connections: options.concurrency,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        requestTls: tls,
        proxyTls: { rejectUnauthorized: options.proxy!.strictSSL !== false },
      })
    : new Pool(first.origin, {
        connections: options.concurrency,
        connect: tls,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
  const statuses: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const latencies: number[] = [];
  let next = 0;
  let done = 0;
  // One listener for the whole burst, not one per copy: cancelling aborts every copy in flight.
  const inflight = new Set<(reason: Error) => void>();
  const cancel = () => inflight.forEach((abort) => abort(new SendError('cancelled', 'The burst was cancelled.')));
  options.signal?.addEventListener('abort', cancel, { once: true });
  const start = performance.now();
  const worker = async () => {
    while (next < options.count && !options.signal?.aborted) {
      const index = next++;
      // ONS sends user:pass@ as Basic credentials; so does every copy.
      const current = urlCredentialsToBasic(copy(index));
      const sent = performance.now();
      try {
        const status = await exchange(dispatcher, current, inflight);
        latencies.push(performance.now() - sent);
        statuses[status] = (statuses[status] ?? 0) + 1;
      } catch (err) {
        if (options.signal?.aborted) {
          break;
        }
        const message = toSendError(err, current.url, options.proxy).message;
        errors[message] = (errors[message] ?? 0) + 1;
      }
      done++;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    await dispatcher.destroy().catch(() => undefined);
  }
  const durationMs = performance.now() - start;
  return {
    sent: done,
    statuses,
    errors,
    latency: percentiles(latencies),
    durationMs,
    requestsPerSecond: durationMs > 0 ? (latencies.length / durationMs) * 1000 : 0,
    cancelled: Boolean(options.signal?.aborted),
  };
}

/**
 * One copy through undici's handler interface: the status is kept and the body dropped as it
 * arrives, with no response stream per request, which is what lets a burst keep up with a
 * load generator.
 */
function exchange(
  dispatcher: Dispatcher,
  request: OutgoingRequest,
  inflight: Set<(reason: Error) => void>,
): Promise<number> {
  const url = new URL(request.url);
  return new Promise((resolve, reject) => {
    let status = 0;
    let abortThis: ((reason: Error) => void) | undefined;
    const settle = () => abortThis && inflight.delete(abortThis);
    dispatcher.dispatch(
      {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body: request.body && request.body.length ? request.body : undefined,
      },
      {
        onConnect: (abort) => {
          settle();
          abortThis = abort;
          inflight.add(abort);
        },
        onHeaders: (statusCode) => {
          status = statusCode;
          return true;
        },
        onData: () => true,
        onComplete: () => {
          settle();
          resolve(status);
        },
        onError: (err) => {
          settle();
          reject(err);
        },
      },
    );
  });
}
