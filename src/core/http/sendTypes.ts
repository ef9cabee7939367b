/** How a request is sent. Every field has a safe default: TLS verified, 30 s, redirects followed. */
export interface SendOptions {
  readonly signal?: AbortSignal;
  /** The whole exchange, connect to last body byte. Default 30,000 ms. */
  readonly timeoutMs?: number;
  /** `follow` (default, up to `maxRedirects`), `manual` (the 3xx is the result) or `error`. */
  readonly redirect?: 'follow' | 'manual' | 'error';
  readonly maxRedirects?: number;
  readonly tls?: TlsOptions;
  /** A proxy for this request; see `proxyFor` for how the CLI and the extension choose it. */
  readonly proxy?: ProxySetting;
  /** Response bodies beyond this are cut. Default 10 MB. */
  readonly maxResponseBytes?: number;
}

export interface TlsOptions {
  /** Accept a certificate no trusted CA signed. Off unless a user turns it on; the UI flags it. */
  readonly allowSelfSigned?: boolean;
  /** PEM certificates trusted in addition to the system's, such as a company CA. */
  readonly ca?: string;
}

export interface ProxySetting {
  readonly url: string;
  /** Verify the proxy's own certificate (VS Code's `http.proxyStrictSSL`). Default true. */
  readonly strictSSL?: boolean;
}

/** Milliseconds from the start of the final request; a phase that did not happen is absent. */
export interface SendTimings {
  readonly dns?: number;
  readonly connect?: number;
  readonly tls?: number;
  /** From the start to the response's status line and headers (curl's time_starttransfer). */
  readonly firstByte: number;
  readonly total: number;
}

export interface SendResult {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: Buffer;
  /** Bytes received; when cut, what was kept. */
  readonly size: number;
  /** The body was longer than `maxResponseBytes` and was cut there. */
  readonly truncated: boolean;
  /** The Content-Length the server announced, which tells how much a cut body lacks. */
  readonly announcedSize?: number;
  readonly timings: SendTimings;
  /** The URL that answered, after redirects. */
  readonly url: string;
  readonly redirects: readonly { readonly status: number; readonly location: string }[];
  /** Whether the response came through a proxy (then connect, DNS and TLS times are the proxy's business). */
  readonly viaProxy: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
