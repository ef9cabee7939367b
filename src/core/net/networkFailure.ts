/**
 * Why a connection to a host failed, in the words every part of the product uses: the tree, a
 * notification, the log, the sender, the inbox's forwarding and the CLI. `cause` is a sentence
 * that names the host and what failed; `nextStep` says what to try.
 */
export interface NetworkFailure {
  readonly kind: 'dns' | 'refused' | 'reset' | 'timeout' | 'tls' | 'unreachable' | 'proxy' | 'other';
  readonly code?: string;
  readonly cause: string;
  readonly nextStep: string;
}

const TLS_HINTS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed CA that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate was signed by a CA that is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate was signed by a CA that is not trusted',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host name',
};

/** The Node or undici error code of `err` or of the errors it wraps (fetch puts it in `cause`). */
export function networkErrorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') {
      return e.code;
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * `host` is what was called (host and port for a URL); `proxy`, the proxy the call went
 * through, if any: a failure then may be the proxy's.
 */
export function networkFailureOf(err: unknown, host: string, proxy?: string): NetworkFailure {
  const code = networkErrorCode(err);
  const hostName = host.replace(/:\d+$/, '');
  const viaProxy = proxy ? ` through the proxy ${proxy}` : '';
  const checkProxy = proxy ? `, and that the proxy ${proxy} is right and running` : '';
  if (code && TLS_HINTS[code]) {
    return {
      kind: 'tls',
      code,
      cause: `TLS failed with ${host}: ${TLS_HINTS[code]} (${code}).`,
      nextStep: 'Trust its CA with a CA bundle, or, for a test server only, allow self-signed certificates.',
    };
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        kind: 'dns',
        code,
        cause: `The host ${hostName} was not found (DNS ${code}).`,
        nextStep: `Check the host name (for OCI, the profile's region), and that this machine can look up names: its network and VPN${checkProxy}.`,
      };
    case 'ECONNREFUSED':
      return {
        kind: proxy ? 'proxy' : 'refused',
        code,
        cause: proxy
          ? `The proxy ${proxy} refused the connection to ${host}.`
          : `${host} refused the connection: is the server running on that port?`,
        nextStep: proxy
          ? 'Check the proxy settings (http.proxy, HTTPS_PROXY) and that the proxy runs.'
          : 'Start the server, or check the port and the endpoint setting.',
      };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return {
        kind: 'reset',
        code,
        cause: `${host} closed the connection before it answered${viaProxy}.`,
        nextStep: `Try again; if it keeps happening, a firewall or proxy may be cutting the connection${checkProxy}.`,
      };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return {
        kind: 'timeout',
        code,
        cause: `${host} did not answer in time (${code})${viaProxy}.`,
        nextStep: `Check that this machine can reach it: its network and VPN${checkProxy}.`,
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return {
        kind: 'unreachable',
        code,
        cause: `${host} cannot be reached from this machine (${code}).`,
        nextStep: `Check this machine's network connection and VPN${checkProxy}.`,
      };
  }
  const message = innermostMessage(err);
  if (message === 'bad port') {
    // fetch refuses ports the Fetch standard blocks (such as 6000 and 6667), before connecting.
    return {
      kind: 'other',
      cause: `${host} uses a port that fetch refuses to call (a "bad port" of the Fetch standard).`,
      nextStep: 'Serve it on another port, such as 8080 or 8443.',
    };
  }
  return {
    kind: 'other',
    ...(code ? { code } : {}),
    cause: `The connection to ${host} failed${viaProxy}: ${message}${code ? ` (${code})` : ''}.`,
    nextStep: `Check the network connection${checkProxy}, then try again.`,
  };
}

/** The message of the innermost error `err` wraps: fetch's own is only "fetch failed". */
function innermostMessage(err: unknown): string {
  let message = String(err);
  for (let e = err as { message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.message === 'string') {
      message = e.message;
    }
    e = e.cause as typeof e;
  }
  return message;
}
