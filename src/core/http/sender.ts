import { STATUS_CODES } from 'http';
import { Client, Dispatcher, ProxyAgent } from 'undici';
import { hostOf } from '../net/hostOf';
import { isLoopback } from '../net/isLoopback';
import { OutgoingRequest } from './outgoingRequest';
import { readCapped } from './readCapped';
import { urlCredentialsToBasic } from './requestAuth';
import { SendError, sendableUrl, toSendError } from './sendError';
import {
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  SendOptions,
  SendResult,
} from './sendTypes';
import { ConnectMarks, timedConnector } from './timedConnector';
import { nodeTlsOptions } from './tlsOptions';

/**
 * Sends one request on a connection of its own, so that its DNS, connect and TLS times are its
 * own, and reports the response with its timings. Fails only with a SendError.
 */
export async function sendRequest(request: OutgoingRequest, options: SendOptions = {}): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const host = hostOf(request.url);
  const timer = setTimeout(
    () => controller.abort(new SendError('timeout', `${host} sent no complete response within ${timeoutMs} ms.`)),
    timeoutMs,
  );
  const cancel = () => controller.abort(new SendError('cancelled', 'The request was cancelled.'));
  if (options.signal?.aborted) {
    cancel();
  }
  options.signal?.addEventListener('abort', cancel, { once: true });
  let current: OutgoingRequest = request;
  try {
    current = urlCredentialsToBasic(request);
    const redirects: { status: number; location: string }[] = [];
    for (;;) {
      const result = await exchange(current, options, controller.signal);
      const location = headerValue(result.headers.location);
      if (!REDIRECTS.has(result.status) || !location || options.redirect === 'manual') {
        return { ...result, redirects };
      }
      const target = new URL(location, current.url).toString();
      if (options.redirect === 'error') {
        throw new SendError('redirect', `${hostOf(current.url)} redirected (${result.status}) to ${target}.`);
      }
      const max = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
      if (redirects.length >= max) {
        throw new SendError('redirect', `More than ${max} redirects, the last to ${target}.`);
      }
      redirects.push({ status: result.status, location: target });
      current = redirected(current, result.status, target);
    }
  } catch (err) {
    if (controller.signal.aborted && controller.signal.reason instanceof SendError) {
      throw controller.signal.reason;
    }
    throw toSendError(err, current.url, options.proxy);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function exchange(
  request: OutgoingRequest,
  options: SendOptions,
  signal: AbortSignal,
): Promise<Omit<SendResult, 'redirects'>> {
  const url = sendableUrl(request.url);
  const marks: ConnectMarks = {};
  const viaProxy = Boolean(options.proxy) && !isLoopback(url.toString());
  const connector = viaProxy ? undefined : timedConnector(options.tls ?? {}, marks);
  const dispatcher: Dispatcher = viaProxy
    ? new ProxyAgent({
        uri: options.proxy!.url,
        requestTls: nodeTlsOptions(options.tls),
        proxyTls: { rejectUnauthorized: options.proxy!.strictSSL !== false },
      })
    : new Client(url.origin, { connect: connector!.connect });
  const start = performance.now();
  try {
    const response = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method as Dispatcher.HttpMethod,
      headers: { ...request.headers },
      body: request.body && request.body.length ? request.body : undefined,
      signal,
    });
    const firstByte = performance.now() - start;
    const read = await readCapped(response.body, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    const headers = plainHeaders(response.headers);
    const announced = Number(headerValue(headers['content-length']));
    return {
      status: response.statusCode,
      statusText: STATUS_CODES[response.statusCode] ?? '',
      headers,
      ...read,
      ...(Number.isFinite(announced) && headerValue(headers['content-length']) ? { announcedSize: announced } : {}),
      timings: {
        ...(marks.dnsEnd !== undefined ? { dns: marks.dnsEnd - start } : {}),
        ...(marks.connectEnd !== undefined ? { connect: marks.connectEnd - (marks.dnsEnd ?? start) } : {}),
        ...(marks.tlsEnd !== undefined && marks.connectEnd !== undefined
          ? { tls: marks.tlsEnd - marks.connectEnd }
          : {}),
        firstByte,
        total: performance.now() - start,
      },
      url: url.toString(),
      viaProxy,
    };
  } finally {
    connector?.destroy();
    void dispatcher.destroy().catch(() => undefined);
  }
}

/** Fetch's rules: 303, and 301/302 after a POST, become a GET without a body; credentials stay on their origin. */
function redirected(request: OutgoingRequest, status: number, target: string): OutgoingRequest {
  const toGet =
    status === 303 ? request.method !== 'HEAD' : (status === 301 || status === 302) && request.method === 'POST';
  const sameOrigin = new URL(target).origin === new URL(request.url).origin;
  const dropped = new Set([
    ...(toGet ? ['content-type', 'content-length'] : []),
    ...(sameOrigin ? [] : ['authorization', 'cookie', 'proxy-authorization']),
  ]);
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !dropped.has(k.toLowerCase())));
  return toGet
    ? { method: 'GET', url: target, headers }
    : { method: request.method, url: target, headers, body: request.body };
}

function plainHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      result[name] = value;
    }
  }
  return result;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
