import * as common from 'oci-common';
import type { EventsClient } from 'oci-events';
import type { FunctionsManagementClient } from 'oci-functions';
import type { IdentityClient } from 'oci-identity';
import type { NotificationControlPlaneClient, NotificationDataPlaneClient } from 'oci-ons';
import type { StreamAdminClient } from 'oci-streaming';
import { UserError } from '../errors/userError';
import type { Page } from '../paging/pagedList';
import { networkErrorCode } from '../net/networkFailure';
import { CallContext, describeOciError } from './ociErrors';
import {
  PassphraseSource,
  ProfileCredentials,
  ProfileTarget,
  readSessionToken,
  unchangedSince,
} from './profileCredentials';
import { CancelledError, RetryOptions, withRetries } from './retry';
import { sdk } from './sdkModules';

export interface OpenOptions {
  readonly passphrases?: PassphraseSource;
  /** The clock session tokens are checked against. */
  readonly now?: () => Date;
}

interface SdkClient {
  endpoint: string;
  close(): void;
}

/**
 * What a call does, for its retries and its errors: a read; a change that carries a retry token
 * (a create or a move), safe to send again; or a change sent once, an update or a delete, which
 * sent again after OCI handled it would fail on its own change (a 412 or a 404), so an answer
 * that could not be read is not retried. A lost answer to either change leaves its outcome unknown.
 */
export type Effect = 'read' | 'change' | 'change once';

/** A tree shows this many items of a list before its "Load more" node. */
const DEFAULT_PAGE_SIZE = 50;

export interface PageOptions {
  /** The token of the page to fetch; the first page without it. */
  readonly page?: string;
  readonly limit?: number;
  readonly retry?: RetryOptions;
}

export interface ListOptions {
  readonly concurrency?: number;
  readonly pageSize?: number;
  readonly isCancelled?: () => boolean;
  readonly retry?: RetryOptions;
}

/**
 * The SDK's own HTTP client, except that a request that got no answer keeps its cause: the
 * SDK reports only "fetch failed", dropping the DNS, refused, reset, timeout or TLS error that
 * fetch wrapped, and that is what tells a user what to fix. No circuit breaker: the calls
 * retry themselves (withRetries), and a breaker would answer later calls with its own error.
 */
class CauseKeepingHttpClient implements common.HttpClient {
  private readonly inner: common.FetchHttpClient;

  constructor(signer: common.RequestSigner) {
    this.inner = new common.FetchHttpClient(signer, null);
  }

  async send(...args: Parameters<common.HttpClient['send']>): Promise<Response> {
    try {
      return await this.inner.send(...args);
    } catch (err) {
      const code = networkErrorCode(err);
      const cause = (err as { cause?: unknown }).cause;
      // The SDK copies only `code` and `message` into the error it throws.
      throw Object.assign(new Error(cause instanceof Error ? cause.message : (err as Error).message), { code });
    }
  }
}

/**
 * What every call of a profile shares: its SDK clients, made on first use with the SDK's own
 * retries turned off, its signer, and one way to call, page and retry. OciClients adds the calls.
 */
export abstract class OciSession {
  private readonly clients = new Map<string, SdkClient>();
  private signer: common.DefaultRequestSigner | undefined;

  protected constructor(
    readonly target: ProfileTarget,
    protected readonly credentials: ProfileCredentials,
    private readonly auth: common.AuthenticationDetailsProvider,
    private readonly now: () => Date,
  ) {}

  get events(): EventsClient {
    return this.client('events', () => sdk.events().EventsClient);
  }

  get identity(): IdentityClient {
    return this.client('identity', () => sdk.identity().IdentityClient);
  }

  get onsControl(): NotificationControlPlaneClient {
    return this.client('onsControl', () => sdk.ons().NotificationControlPlaneClient);
  }

  get onsData(): NotificationDataPlaneClient {
    return this.client('onsData', () => sdk.ons().NotificationDataPlaneClient);
  }

  get functions(): FunctionsManagementClient {
    return this.client('functions', () => sdk.functions().FunctionsManagementClient);
  }

  get streams(): StreamAdminClient {
    return this.client('streams', () => sdk.streaming().StreamAdminClient);
  }

  /** The region calls go to: the profile's, or the one it was switched to. */
  get region(): string {
    return this.credentials.region;
  }

  /**
   * The headers that sign a request with this profile's key, as the SDK signs its own calls
   * (draft-cavage signatures over date, request target, host and, for bodies, the content
   * headers): what lets the webhook sender call any OCI endpoint.
   */
  async signedHeaders(request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: Buffer;
  }): Promise<Record<string, string>> {
    this.signer ??= new common.DefaultRequestSigner(this.auth);
    const headers = new Headers(request.headers);
    await this.signer.signHttpRequest({
      method: request.method as common.Method,
      uri: request.url,
      headers,
      // The signer hashes the body as text; a body that is not UTF-8 could not be signed anyway.
      ...(request.body?.length ? { body: request.body.toString('utf8') } : {}),
    });
    return Object.fromEntries(headers.entries());
  }

  /**
   * Whether the profile's config file and key file are still as they were read. Clients whose
   * files changed or went since would sign with a key that no longer is the profile's.
   */
  filesUnchanged(): Promise<boolean> {
    return unchangedSince(this.credentials.files);
  }

  close(): void {
    for (const client of this.clients.values()) {
      client.close();
    }
    this.clients.clear();
  }

  // Each SDK client parses the key when it is made, so only the services a caller uses are made.
  private client<C extends SdkClient>(
    name: string,
    type: () => new (params: common.AuthParams, config: common.ClientConfiguration) => C,
  ): C {
    let client = this.clients.get(name) as C | undefined;
    if (!client) {
      const Client = type();
      this.signer ??= new common.DefaultRequestSigner(this.auth);
      // The SDK's types take one of the two; at run time it takes both, the provider for the region.
      const params = { authenticationDetailsProvider: this.auth, httpClient: new CauseKeepingHttpClient(this.signer) };
      client = new Client(params as unknown as common.AuthParams, {
        retryConfiguration: common.NoRetryConfigurationDetails,
      });
      if (this.target.endpoint) {
        client.endpoint = this.target.endpoint;
      }
      this.clients.set(name, client);
    }
    return client;
  }

  protected async onePage<T>(
    what: string,
    permission: string,
    options: PageOptions,
    fetchPage: (page: string | undefined, limit: number) => Promise<{ items: T[]; opcNextPage?: string }>,
  ): Promise<Page<T>> {
    const response = await this.call(what, permission, options.retry, () =>
      fetchPage(options.page, options.limit ?? DEFAULT_PAGE_SIZE),
    );
    return { items: response.items, ...(response.opcNextPage ? { nextPage: response.opcNextPage } : {}) };
  }

  /** Follows opc-next-page to the end, a page of `pageSize` at a time, checking for a cancel between pages. */
  protected async allPages<T>(
    what: string,
    permission: string,
    options: ListOptions,
    fetchPage: (page: string | undefined, limit: number) => Promise<{ items: T[]; opcNextPage?: string }>,
  ): Promise<T[]> {
    const items: T[] = [];
    let page: string | undefined;
    do {
      if (options.isCancelled?.()) {
        throw new CancelledError();
      }
      const response = await this.call(what, permission, options.retry, () => fetchPage(page, options.pageSize ?? 50));
      items.push(...response.items);
      page = response.opcNextPage;
    } while (page);
    return items;
  }

  protected async call<T>(
    what: string,
    permission: string,
    retry: RetryOptions | undefined,
    run: (retryToken: string) => Promise<T>,
    effect: Effect = 'read',
  ): Promise<T> {
    const ctx: CallContext = {
      what,
      permission,
      changes: effect !== 'read',
      sentOnce: effect === 'change once',
      profile: this.target.profile,
      keyFile: this.credentials.keyFile,
      fingerprint: this.credentials.fingerprint,
      sessionToken: this.credentials.securityTokenFile !== undefined,
    };
    try {
      const tokenFile = this.credentials.securityTokenFile;
      if (tokenFile) {
        // The SDK would wrap the signer's error into one that no longer says what to run.
        await readSessionToken(this.target.profile, tokenFile, this.now());
      }
      return await withRetries(run, effect === 'change once' ? { ...retry, repeatable: false } : retry);
    } catch (err) {
      // An expired session or a cancel already says what to do.
      throw err instanceof CancelledError || err instanceof UserError ? err : describeOciError(err, ctx);
    }
  }
}
