import * as common from 'oci-common';
import type { EventsClient, models as eventsModels } from 'oci-events';
import type { FunctionsManagementClient, models as functionsModels } from 'oci-functions';
import type { IdentityClient, models as identityModels } from 'oci-identity';
import type { NotificationControlPlaneClient, NotificationDataPlaneClient, models as onsModels } from 'oci-ons';
import type { models as streamingModels, StreamAdminClient } from 'oci-streaming';
import { UserError } from '../errors/userError';
import type { Page } from '../paging/pagedList';
import { mapBounded } from './bounded';
import { CallContext, describeOciError, PERMISSIONS } from './ociErrors';
import { ProfileAuthProvider } from './profileAuthProvider';
import {
  PassphraseSource,
  ProfileCredentials,
  ProfileTarget,
  readCredentials,
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
type Effect = 'read' | 'change' | 'change once';

/** A tree shows this many items of a list before its "Load more" node. */
export const DEFAULT_PAGE_SIZE = 50;

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
 * The SDK clients of one profile, with the SDK's own retries turned off: this layer retries
 * 429 and 5xx itself, with jitter and one retry token per operation, so that behaviour is the
 * same for every call. oci-common offers no per-request abort, so cancellation stops between
 * pages and late results are dropped.
 */
export class OciClients {
  private readonly clients = new Map<string, SdkClient>();
  private signer: common.DefaultRequestSigner | undefined;

  private constructor(
    readonly target: ProfileTarget,
    private readonly credentials: ProfileCredentials,
    private readonly auth: common.AuthenticationDetailsProvider,
    private readonly now: () => Date,
  ) {}

  /** Reads the profile's credentials (asking for a pass phrase if its key needs one). The SDK clients come later, on first use. */
  static async open(target: ProfileTarget, options: OpenOptions = {}): Promise<OciClients> {
    const credentials = await readCredentials(target, options.passphrases);
    const now = options.now ?? (() => new Date());
    return new OciClients(target, credentials, new ProfileAuthProvider(target.profile, credentials, now), now);
  }

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
      client = new Client(
        { authenticationDetailsProvider: this.auth },
        { retryConfiguration: common.NoRetryConfigurationDetails },
      );
      if (this.target.endpoint) {
        client.endpoint = this.target.endpoint;
      }
      this.clients.set(name, client);
    }
    return client;
  }

  getTenancy(tenancyId: string, retry?: RetryOptions): Promise<identityModels.Tenancy> {
    return this.call(
      'read the tenancy',
      PERMISSIONS.compartments,
      retry,
      async () => (await this.identity.getTenancy({ tenancyId })).tenancy,
    );
  }

  /** Every active compartment under `parentId`, and with `subtree`, under those too. */
  listCompartments(
    parentId: string,
    subtree: boolean,
    options: ListOptions = {},
  ): Promise<identityModels.Compartment[]> {
    const { models, requests } = sdk.identity();
    return this.allPages(`list the compartments of ${parentId}`, PERMISSIONS.compartments, options, (page, limit) =>
      this.identity.listCompartments({
        compartmentId: parentId,
        compartmentIdInSubtree: subtree,
        // ACCESSIBLE leaves out compartments the user could not list anything in, which would only 404.
        accessLevel: requests.ListCompartmentsRequest.AccessLevel.Accessible,
        lifecycleState: models.Compartment.LifecycleState.Active,
        limit,
        page,
      }),
    );
  }

  /** Every rule of `compartmentIds`, with at most `concurrency` compartments at once. */
  async listRules(compartmentIds: readonly string[], options: ListOptions = {}): Promise<eventsModels.RuleSummary[]> {
    const perCompartment = await mapBounded(compartmentIds, options.concurrency ?? 8, (compartmentId) =>
      this.allPages(`list the rules of ${compartmentId}`, PERMISSIONS.rules, options, (page, limit) =>
        this.events.listRules({ compartmentId, page, limit }),
      ),
    );
    return perCompartment.flat();
  }

  listFunctions(applicationId: string, options: ListOptions = {}): Promise<functionsModels.FunctionSummary[]> {
    return this.allPages(`list the functions of ${applicationId}`, PERMISSIONS.functions, options, (page, limit) =>
      this.functions.listFunctions({ applicationId, page, limit }),
    );
  }

  /** One page of a compartment's direct child compartments, for a tree that expands level by level. */
  compartmentsPage(parentId: string, options: PageOptions = {}): Promise<Page<identityModels.Compartment>> {
    const { models, requests } = sdk.identity();
    return this.onePage(`list the compartments of ${parentId}`, PERMISSIONS.compartments, options, (page, limit) =>
      this.identity.listCompartments({
        compartmentId: parentId,
        accessLevel: requests.ListCompartmentsRequest.AccessLevel.Accessible,
        lifecycleState: models.Compartment.LifecycleState.Active,
        limit,
        page,
      }),
    );
  }

  /** One page of a compartment's rules; `displayName` filters on the server (an exact name, as the API matches). */
  rulesPage(
    compartmentId: string,
    options: PageOptions & { readonly displayName?: string } = {},
  ): Promise<Page<eventsModels.RuleSummary>> {
    return this.onePage(`list the rules of ${compartmentId}`, PERMISSIONS.rules, options, (page, limit) =>
      this.events.listRules({
        compartmentId,
        page,
        limit,
        ...(options.displayName ? { displayName: options.displayName } : {}),
      }),
    );
  }

  topicsPage(compartmentId: string, options: PageOptions = {}): Promise<Page<onsModels.NotificationTopicSummary>> {
    return this.onePage(`list the topics of ${compartmentId}`, PERMISSIONS.topics, options, (page, limit) =>
      this.onsControl.listTopics({ compartmentId, page, limit }),
    );
  }

  subscriptionsPage(
    compartmentId: string,
    topicId: string,
    options: PageOptions = {},
  ): Promise<Page<onsModels.SubscriptionSummary>> {
    return this.onePage(`list the subscriptions of ${topicId}`, PERMISSIONS.topics, options, (page, limit) =>
      this.onsData.listSubscriptions({ compartmentId, topicId, page, limit }),
    );
  }

  /** One page of a compartment's function applications, for a picker that pages. */
  applicationsPage(
    compartmentId: string,
    options: PageOptions = {},
  ): Promise<Page<functionsModels.ApplicationSummary>> {
    return this.onePage(`list the applications of ${compartmentId}`, PERMISSIONS.functions, options, (page, limit) =>
      this.functions.listApplications({ compartmentId, page, limit }),
    );
  }

  streamsPage(compartmentId: string, options: PageOptions = {}): Promise<Page<streamingModels.StreamSummary>> {
    return this.onePage(`list the streams of ${compartmentId}`, PERMISSIONS.streams, options, (page, limit) =>
      this.streams.listStreams({ compartmentId, page, limit }),
    );
  }

  /** A rule with its actions, which the list call leaves out. */
  getRule(ruleId: string, retry?: RetryOptions): Promise<{ rule: eventsModels.Rule; etag: string }> {
    return this.call(`read rule ${ruleId}`, PERMISSIONS.rules, retry, async () => {
      const response = await this.events.getRule({ ruleId });
      return { rule: response.rule, etag: response.etag };
    });
  }

  async getTopic(topicId: string, retry?: RetryOptions): Promise<onsModels.NotificationTopic> {
    return this.call(`read topic ${topicId}`, PERMISSIONS.topics, retry, async () => {
      return (await this.onsControl.getTopic({ topicId })).notificationTopic;
    });
  }

  async getFunction(functionId: string, retry?: RetryOptions): Promise<functionsModels.Function> {
    return this.call(`read function ${functionId}`, PERMISSIONS.functions, retry, async () => {
      return (await this.functions.getFunction({ functionId })).function;
    });
  }

  async getStream(streamId: string, retry?: RetryOptions): Promise<streamingModels.Stream> {
    return this.call(`read stream ${streamId}`, PERMISSIONS.streams, retry, async () => {
      return (await this.streams.getStream({ streamId })).stream;
    });
  }

  createRule(
    details: eventsModels.CreateRuleDetails,
    retry?: RetryOptions,
  ): Promise<{ rule: eventsModels.Rule; etag: string }> {
    return this.call(
      `create rule ${details.displayName}`,
      PERMISSIONS.rules,
      retry,
      async (opcRetryToken) => {
        const response = await this.events.createRule({ createRuleDetails: details, opcRetryToken });
        return { rule: response.rule, etag: response.etag };
      },
      'change',
    );
  }

  /** Deploys a rule's new details; `ifMatch` is the ETag it was read with, so that no one else's change is overwritten. */
  updateRule(
    ruleId: string,
    details: eventsModels.UpdateRuleDetails,
    ifMatch: string | undefined,
    retry?: RetryOptions,
  ): Promise<{ rule: eventsModels.Rule; etag: string }> {
    return this.call(
      `update rule ${details.displayName ?? ruleId}`,
      PERMISSIONS.rules,
      retry,
      async () => {
        const response = await this.events.updateRule({
          ruleId,
          updateRuleDetails: details,
          ...(ifMatch ? { ifMatch } : {}),
        });
        return { rule: response.rule, etag: response.etag };
      },
      'change once',
    );
  }

  deleteRule(ruleId: string, ifMatch: string | undefined, retry?: RetryOptions): Promise<void> {
    return this.call(
      `delete rule ${ruleId}`,
      PERMISSIONS.rules,
      retry,
      async () => {
        await this.events.deleteRule({ ruleId, ...(ifMatch ? { ifMatch } : {}) });
      },
      'change once',
    );
  }

  moveRule(ruleId: string, compartmentId: string, ifMatch: string | undefined, retry?: RetryOptions): Promise<void> {
    return this.call(
      `move rule ${ruleId} to ${compartmentId}`,
      PERMISSIONS.rules,
      retry,
      async (opcRetryToken) => {
        await this.events.changeRuleCompartment({
          ruleId,
          changeRuleCompartmentDetails: { compartmentId },
          opcRetryToken,
          ...(ifMatch ? { ifMatch } : {}),
        });
      },
      'change',
    );
  }

  createTopic(
    compartmentId: string,
    name: string,
    description?: string,
    retry?: RetryOptions,
  ): Promise<onsModels.NotificationTopic> {
    return this.call(
      `create topic ${name}`,
      PERMISSIONS.topics,
      retry,
      async (opcRetryToken) => {
        const createTopicDetails = { compartmentId, name, ...(description ? { description } : {}) };
        return (await this.onsControl.createTopic({ createTopicDetails, opcRetryToken })).notificationTopic;
      },
      'change',
    );
  }

  /** `ifMatch`: the ETag the topic was listed with, so that a topic someone changed since is not deleted unseen. */
  deleteTopic(topicId: string, ifMatch?: string, retry?: RetryOptions): Promise<void> {
    return this.call(
      `delete topic ${topicId}`,
      PERMISSIONS.topics,
      retry,
      async () => {
        await this.onsControl.deleteTopic({ topicId, ...(ifMatch ? { ifMatch } : {}) });
      },
      'change once',
    );
  }

  createSubscription(
    details: { compartmentId: string; topicId: string; protocol: string; endpoint: string },
    retry?: RetryOptions,
  ): Promise<onsModels.Subscription> {
    return this.call(
      `create a ${details.protocol} subscription on ${details.topicId}`,
      PERMISSIONS.topics,
      retry,
      async (opcRetryToken) =>
        (await this.onsData.createSubscription({ createSubscriptionDetails: details, opcRetryToken })).subscription,
      'change',
    );
  }

  deleteSubscription(subscriptionId: string, ifMatch?: string, retry?: RetryOptions): Promise<void> {
    return this.call(
      `delete subscription ${subscriptionId}`,
      PERMISSIONS.topics,
      retry,
      async () => {
        await this.onsData.deleteSubscription({ subscriptionId, ...(ifMatch ? { ifMatch } : {}) });
      },
      'change once',
    );
  }

  /** Sends once, as publishing does: a retry after a 5xx the service had handled would send a second confirmation. */
  resendConfirmation(subscriptionId: string, retry?: RetryOptions): Promise<onsModels.Subscription> {
    const once = { ...retry, attempts: 1 };
    return this.call(
      `resend the confirmation of ${subscriptionId}`,
      PERMISSIONS.topics,
      once,
      async () => {
        return (await this.onsData.resendSubscriptionConfirmation({ id: subscriptionId })).subscription;
      },
      'change',
    );
  }

  /**
   * Publishes once: publishMessage takes no retry token, so a retry after a 5xx the service had
   * in fact handled would deliver the message twice.
   */
  publishMessage(
    topicId: string,
    message: { title?: string; body: string },
    retry?: RetryOptions,
  ): Promise<onsModels.PublishResult> {
    return this.call(
      `publish to ${topicId}`,
      PERMISSIONS.topics,
      { ...retry, attempts: 1 },
      async () => {
        return (await this.onsData.publishMessage({ topicId, messageDetails: message })).publishResult;
      },
      'change',
    );
  }

  private async onePage<T>(
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
  private async allPages<T>(
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

  private async call<T>(
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
