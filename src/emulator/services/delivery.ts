import { redactUrl } from '../../core/http/redact';
import { urlCredentialsToBasic } from '../../core/http/requestAuth';
import { OnsDelivery } from '../../core/payloads/ons';
import type { DeliveryAttempt, DeliveryState } from '../../core/tenancy/emulatorEvents';

export interface DeliveryLog {
  (line: string): void;
}

/**
 * POSTs a message (ONS, or a Fusion event) to a subscription endpoint. Credentials in the URL (user:pass@, the only
 * auth ONS supports) become a Basic Authorization header, as ONS sends them. Returns the status,
 * or 0 when the endpoint could not be reached.
 */
export async function deliver(endpoint: string, message: OnsDelivery, log: DeliveryLog): Promise<number> {
  const { url, headers } = urlCredentialsToBasic({ method: 'POST', url: endpoint, headers: message.headers });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...headers },
      body: message.body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    const what = message.headers['X-OCI-NS-MessageType'] ?? message.headers['X-Fusion-Event'] ?? 'a message';
    log(`delivered ${what} to ${redactUrl(endpoint)}: ${response.status}`);
    return response.status;
  } catch (err) {
    log(`delivery to ${redactUrl(endpoint)} failed: ${(err as Error).message}`);
    return 0;
  }
}

/** Told each attempt of a delivery and the state it leaves the delivery in. */
export type DeliveryReport = (attempt: DeliveryAttempt, state: DeliveryState) => void;

const MINUTE_MS = 60_000;
const RETRY_WINDOW_MS = 2 * 60 * MINUTE_MS;
const BACKOFF_MINUTES = [1, 2, 4, 8, 16, 32];

/**
 * Delivers like ONS: an immediate retry after a failure, then backoff of 1, 2, 4, 8, 16 and 32
 * minutes, and 32-minute steps after that (a guess: the docs list the steps, not what follows)
 * until the 2-hour retry window closes. `timeScale` shrinks the waits, for tests and demos.
 */
export function deliverWithRetries(
  endpoint: string,
  message: OnsDelivery,
  log: DeliveryLog,
  timeScale: number,
  report: DeliveryReport = () => undefined,
): Promise<number> {
  return new Promise((resolve) => {
    let attempt = 0;
    let waited = 0;
    const tryOnce = async () => {
      const started = performance.now();
      const status = await deliver(endpoint, message, log);
      const ms = Math.round(performance.now() - started);
      if (status >= 200 && status < 300) {
        report({ status, ms, at: new Date().toISOString() }, 'delivered');
        resolve(status);
        return;
      }
      const minutes = attempt === 0 ? 0 : BACKOFF_MINUTES[Math.min(attempt - 1, BACKOFF_MINUTES.length - 1)];
      attempt++;
      waited += minutes * MINUTE_MS;
      if (waited > RETRY_WINDOW_MS) {
        log(`gave up on ${redactUrl(endpoint)} after the 2-hour retry window`);
        report({ status, ms, at: new Date().toISOString() }, 'gave up');
        resolve(status);
        return;
      }
      report({ status, ms, at: new Date().toISOString() }, 'delivering');
      setTimeout(() => void tryOnce(), minutes * MINUTE_MS * timeScale).unref();
    };
    void tryOnce();
  });
}
