import { redactUrl } from './redact';

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

const TLS_HINTS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed CA that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate was signed by a CA that is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate was signed by a CA that is not trusted',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host name',
};

/** Turns what Node or undici threw into a SendError that names the host and the next step. */
export function toSendError(err: unknown, target: string): SendError {
  if (err instanceof SendError) {
    return err;
  }
  const url = URL.canParse(target) ? new URL(target) : { host: target, hostname: target };
  const code = errorCode(err);
  const where = url.host;
  if (code && TLS_HINTS[code]) {
    return new SendError(
      'tls',
      `TLS failed with ${where}: ${TLS_HINTS[code]} (${code}). Trust its CA with a CA bundle, or, for a test server only, allow self-signed certificates.`,
      { cause: err },
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new SendError('network', `${where} refused the connection: is the server running on that port?`, {
        cause: err,
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SendError('network', `The host ${url.hostname} was not found (DNS ${code}).`, { cause: err });
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new SendError('network', `${where} closed the connection before it answered.`, { cause: err });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new SendError('network', `${where} cannot be reached from this machine (${code}).`, { cause: err });
    case 'UND_ERR_INVALID_ARG':
      return new SendError('invalid', `The request cannot be sent: ${(err as Error).message}.`, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new SendError('network', `The request to ${where} failed: ${message}${code ? ` (${code})` : ''}.`, {
    cause: err,
  });
}

function errorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') {
      return e.code;
    }
    e = e.cause as typeof e;
  }
  return undefined;
}
