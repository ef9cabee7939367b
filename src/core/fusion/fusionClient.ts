import { networkFailureOf } from '../net/networkFailure';
import { UserError } from '../errors/userError';
import { RetryOptions, withRetries } from '../oci/retry';
import { catalogUnavailable, describeFusionStatus, FusionCallContext } from './fusionErrors';
import { FusionEvent } from './fusionEvents';
import { trimChar } from '../text/trimChar';

/** A Fusion instance as the user configures it; the password lives elsewhere (SecretStorage). */
export interface FusionConnection {
  readonly name: string;
  /** Such as https://acme.fa.us2.oraclecloud.com, or the emulator's URL. */
  readonly baseUrl: string;
  readonly username: string;
  /** The OIC hosts this environment's subscriptions should point at; others are flagged as stale. */
  readonly expectedOicHosts?: readonly string[];
}

/** A subscription, read leniently: the endpoint's response shape is not documented. */
export interface FusionSubscriptionInfo {
  readonly id: string;
  readonly eventName: string;
  readonly endpoint?: string;
  readonly filter?: string;
  readonly integration?: string;
  readonly status?: string;
  /** Everything the instance sent, for Open Details. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A record of erpBusinessEvents, in Oracle's documented shape. */
export interface ErpBusinessEventRecord {
  readonly ErpBusinessEventId: number;
  readonly BusinessEventCode: string;
  readonly BusinessEventIdentifier: string;
  readonly EnabledFlag: boolean;
  readonly [key: string]: unknown;
}

export interface FusionClientOptions {
  readonly timeoutMs?: number;
  /** The REST version segment: 11.13.18.05 (documented) or latest. */
  readonly restVersion?: string;
  /** Records per erpBusinessEvents page. */
  readonly pageSize?: number;
  readonly retry?: RetryOptions;
}

/** One call to Fusion: its method, path, what it does (for errors), its cancel signal and its JSON body. */
type FusionCall = [method: string, path: string, what: string, signal: AbortSignal | undefined, body?: unknown];

/** Marks an error worth another try: withRetries retries a status of -1 (no answer to go by). */
const RETRYABLE = { statusCode: -1 };

/**
 * Fusion's event endpoints over Basic auth. The Authorization header is built per request and
 * never logged or put in an error. Every call takes a timeout and an optional AbortSignal.
 */
export class FusionClient {
  private readonly timeoutMs: number;
  private readonly restVersion: string;
  private readonly pageSize: number;
  private readonly retry: RetryOptions | undefined;

  constructor(
    readonly connection: FusionConnection,
    private readonly password: string,
    options: FusionClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.restVersion = options.restVersion ?? '11.13.18.05';
    this.pageSize = options.pageSize ?? 100;
    this.retry = options.retry;
  }

  async catalog(signal?: AbortSignal): Promise<FusionEvent[]> {
    const path = '/soa-infra/PublicEvent/catalog';
    const body = await this.request('GET', path, 'read the event catalog', signal);
    // Entries without a name or id cannot be shown or linked; a missing display name falls back to the QName's.
    const events = this.list<Partial<FusionEvent>>(body, path)
      .filter((e): e is FusionEvent => typeof e?.name === 'string' && typeof e.id === 'string')
      .map((e) => ({
        ...e,
        displayName: typeof e.displayName === 'string' ? e.displayName : e.name.replace(/^\{[^}]*\}/, ''),
      }));
    if (!events.length) {
      throw catalogUnavailable(this.connection.name, 'it is empty');
    }
    return events;
  }

  async customCatalog(signal?: AbortSignal): Promise<FusionEvent[]> {
    const path = '/soa-infra/PublicEvent/customCatalog';
    return this.list<FusionEvent>(await this.request('GET', path, 'read the custom event catalog', signal), path);
  }

  async subscriptions(signal?: AbortSignal): Promise<FusionSubscriptionInfo[]> {
    const path = '/soa-infra/PublicEvent/subscriptions';
    return this.list<Record<string, unknown>>(
      await this.request('GET', path, 'list event subscriptions', signal),
      path,
    ).map(subscriptionInfo);
  }

  async deleteSubscription(id: string, signal?: AbortSignal): Promise<void> {
    await this.request(
      'DELETE',
      `/soa-infra/PublicEvent/subscriptions/${encodeURIComponent(id)}`,
      `delete subscription ${id}`,
      signal,
    );
  }

  /** Every record of erpBusinessEvents, following hasMore. */
  async businessEvents(signal?: AbortSignal): Promise<ErpBusinessEventRecord[]> {
    const records: ErpBusinessEventRecord[] = [];
    for (let offset = 0; ;) {
      const path = `${this.eventsPath()}?limit=${this.pageSize}&offset=${offset}`;
      const page = (await this.request('GET', path, 'list ERP business events', signal)) as {
        items?: unknown;
        hasMore?: unknown;
      };
      if (!page || !Array.isArray(page.items)) {
        throw this.unexpected(path, page);
      }
      records.push(...(page.items as ErpBusinessEventRecord[]));
      if (page.hasMore !== true || !page.items.length) {
        return records;
      }
      offset += page.items.length;
    }
  }

  /** Enables or disables an event by its ErpBusinessEventId, with a boolean EnabledFlag as Oracle documents. */
  async setEnabled(id: number, enabled: boolean, signal?: AbortSignal): Promise<ErpBusinessEventRecord> {
    return (await this.request(
      'PATCH',
      `${this.eventsPath()}/${id}`,
      `${enabled ? 'enable' : 'disable'} business event ${id}`,
      signal,
      { EnabledFlag: enabled },
    )) as ErpBusinessEventRecord;
  }

  private eventsPath(): string {
    return `/fscmRestApi/resources/${this.restVersion}/erpBusinessEvents`;
  }

  /** A list sent as an array, {items: […]} or {events: […]}; anything else is named, never shown as empty. */
  private list<T>(body: unknown, path: string): T[] {
    if (Array.isArray(body)) return body as T[];
    for (const key of ['items', 'events']) {
      const value = (body as Record<string, unknown> | null)?.[key];
      if (Array.isArray(value)) return value as T[];
    }
    throw this.unexpected(path, body);
  }

  private unexpected(path: string, body: unknown): UserError {
    return new UserError(
      `${this.connection.name} answered ${path.split('?')[0]} with ${describeShape(body)}, not a list (an array, {"items": […]} or {"events": […]}).`,
      'This instance may use a shape this version does not know; the message says what it sent.',
    );
  }

  /**
   * Sends again after a 429, a 5xx, a lost connection or an answer that is not JSON, as the OCI
   * calls do; a DELETE is sent once, since sent again after it was handled it would only 404.
   */
  private request(...call: FusionCall): Promise<unknown> {
    return withRetries(() => this.attempt(...call), {
      ...this.retry,
      ...(call[0] === 'DELETE' ? { attempts: 1 } : {}),
    });
  }

  private async attempt(...[method, path, what, signal, body]: FusionCall): Promise<unknown> {
    const ctx: FusionCallContext = { connection: this.connection.name, username: this.connection.username, what, path };
    const url = `${trimChar(this.connection.baseUrl, '/')}${path}`;
    const credentials = Buffer.from(`${this.connection.username}:${this.password}`).toString('base64');
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Authorization: `Basic ${credentials}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      if (signal?.aborted) {
        throw new UserError(`Cancelled: ${what} on ${this.connection.name}.`, 'Run it again when you want it.');
      }
      if (timeout.aborted) {
        throw new UserError(
          `${this.connection.name} did not answer within ${this.timeoutMs / 1000} s when trying to ${what}.`,
          'Check that the base URL is reachable from this computer, then retry.',
        );
      }
      const failure = networkFailureOf(err, new URL(url).host);
      // Not catalogUnavailable, even for the catalog: its advice (OAM) is for an instance that answers.
      throw Object.assign(
        new UserError(
          `${failure.cause} (while trying to ${what})`,
          `${failure.nextStep} The connection’s base URL is ${this.connection.baseUrl}.`,
        ),
        RETRYABLE,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      throw Object.assign(describeFusionStatus(response.status, ctx), { statusCode: response.status });
    }
    if (!text) {
      return undefined;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw Object.assign(
        new UserError(
          `${this.connection.name} answered ${path.split('?')[0]} with something that is not JSON (${text.length} bytes, starting ${JSON.stringify(text.slice(0, 40))}).`,
          'A login page instead of JSON usually means the base URL points at the wrong host.',
        ),
        RETRYABLE,
      );
    }
  }
}

function subscriptionInfo(raw: Record<string, unknown>): FusionSubscriptionInfo {
  const first = (...keys: string[]) => keys.map((k) => raw[k]).find((v): v is string => typeof v === 'string');
  return {
    id: first('id', 'subscriptionId', 'Id', 'SubscriptionId') ?? '(no id)',
    eventName: first('eventName', 'event', 'eventQName', 'EventName', 'name') ?? '(no event)',
    endpoint: first('endpoint', 'targetUrl', 'callbackUrl', 'url', 'Endpoint'),
    filter: first('filter', 'filterExpression', 'Filter'),
    integration: first('integration', 'integrationName', 'Integration'),
    status: first('status', 'Status', 'state'),
    raw,
  };
}

/** What a response was, in a few words, for an error that says what arrived. */
export function describeShape(body: unknown): string {
  if (body === undefined) return 'an empty body';
  if (body === null) return 'null';
  if (Array.isArray(body)) return `an array of ${body.length}`;
  if (typeof body === 'object') {
    const keys = Object.keys(body);
    return keys.length
      ? `an object with ${keys
          .slice(0, 5)
          .map((k) => `"${k}"`)
          .join(', ')}${keys.length > 5 ? ', …' : ''}`
      : 'an empty object';
  }
  return `a ${typeof body}`;
}

/** Whether a subscription points at an OIC host this environment does not expect: the stale test-to-production case. */
export function pointsElsewhere(subscription: FusionSubscriptionInfo, connection: FusionConnection): boolean {
  const expected = connection.expectedOicHosts ?? [];
  if (!expected.length || !subscription.endpoint) {
    return false;
  }
  try {
    const host = new URL(subscription.endpoint).hostname.toLowerCase();
    return !expected.some((h) => h.toLowerCase() === host);
  } catch {
    return true;
  }
}
