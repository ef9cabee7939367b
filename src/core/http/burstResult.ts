// Free of Node types: the sender webview shows it through src/protocol/webviewMessages.ts.

export interface BurstResult {
  readonly sent: number;
  /** Responses by status code, such as { "200": 48, "503": 2 }. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Copies that got no response, by the reason's one-line message. */
  readonly errors: Readonly<Record<string, number>>;
  /** Milliseconds from sending a copy to the last byte of its response. */
  readonly latency: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  readonly durationMs: number;
  readonly requestsPerSecond: number;
  readonly cancelled: boolean;
}
