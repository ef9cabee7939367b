import { isLoopback } from '../net/isLoopback';
import { networkErrorCode, networkFailureOf } from '../net/networkFailure';
import { redactUrl } from './redact';
import type { ProxySetting } from './sendTypes';

/** Why a request got no response; `message` is one line a user can act on, with no secrets in it. */
export type SendFailure = 'cancelled' | 'timeout' | 'network' | 'tls' | 'redirect' | 'invalid' | 'auth';

export class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SendError';
  }
}

/** The URL a request goes to, or why it cannot be sent there: what a send, a burst and a dry run all check first. */
export function sendableUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SendError('invalid', `"${redactUrl(text)}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SendError('invalid', `${url.protocol} URLs cannot be sent; use http: or https:.`);
  }
  return url;
}

/** Turns what Node or undici threw into a SendError that names the host and the next step. */
export function toSendError(err: unknown, target: string, proxy?: ProxySetting): SendError {
  if (err instanceof SendError) {
    return err;
  }
  const url = URL.canParse(target) ? new URL(target) : { host: target };
  if (networkErrorCode(err) === 'UND_ERR_INVALID_ARG') {
    return new SendError('invalid', `The request cannot be sent: ${(err as Error).message}.`, { cause: err });
  }
  const viaProxy = proxy && !isLoopback(target) && URL.canParse(proxy.url) ? new URL(proxy.url).host : undefined;
  const failure = networkFailureOf(err, url.host, viaProxy);
  return new SendError(failure.kind === 'tls' ? 'tls' : 'network', `${failure.cause} ${failure.nextStep}`, {
    cause: err,
  });
}
