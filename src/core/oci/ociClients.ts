import type { models as eventsModels } from 'oci-events';
import type { models as functionsModels } from 'oci-functions';
import type { models as identityModels } from 'oci-identity';
import type { models as onsModels } from 'oci-ons';
import type { models as streamingModels } from 'oci-streaming';
import type { Page } from '../paging/pagedList';
import { mapBounded } from './bounded';
import { PERMISSIONS } from './ociErrors';
import { ProfileAuthProvider } from './profileAuthProvider';
import { readCredentials } from './profileCredentials';
import { regionIdOfKey } from './regions';
import type { ProfileCredentials, ProfileTarget } from './profileCredentials';
import type { RetryOptions } from './retry';
import { ListOptions, OciSession, OpenOptions, PageOptions } from './ociSession';
import type * as common from 'oci-common';
import { sdk } from './sdkModules';

/**
 * The SDK clients of one profile, with the SDK's own retries turned off: this layer retries
 * 429 and 5xx itself, with jitter and one retry token per operation, so that behaviour is the
 * same for every call. oci-common offers no per-request abort, so cancellation stops between
 * pages and late results are dropped.
 */
export class OciClients extends OciSession {
  private constructor(
    target: ProfileTarget,
    credentials: ProfileCredentials,
    auth: common.AuthenticationDetailsProvider,
    now: () => Date,
  ) {
    super(target, credentials, auth, now);
  }

  /** Reads the profile's credentials (asking for a pass phrase if its key needs one). The SDK clients come later, on first use. */
  static async open(target: ProfileTarget, options: OpenOptions = {}): Promise<OciClients> {
    const credentials = await readCredentials(target, options.passphrases);
    const now = options.now ?? (() => new Date());
    return new OciClients(target, credentials, new ProfileAuthProvider(target.profile, credentials, now), now);
  }

  /** The tenancy, with its home region as a region id (us-ashburn-1) beside OCI's key (IAD). */
  getTenancy(tenancyId: string, retry?: RetryOptions): Promise<identityModels.Tenancy & { homeRegion?: string }> {
    return this.call('read the tenancy', PERMISSIONS.compartments, retry, async () => {
      const { tenancy } = await this.identity.getTenancy({ tenancyId });
      const key = tenancy.homeRegionKey;
      return { ...tenancy, ...(key ? { homeRegion: regionIdOfKey(key) ?? key } : {}) };
    });
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
  async listRules(
    compartmentIds: readonly string[],
    options: ListOptions = {},
    onPage?: (rules: eventsModels.RuleSummary[]) => void,
  ): Promise<eventsModels.RuleSummary[]> {
    const perCompartment = await mapBounded(compartmentIds, options.concurrency ?? 8, (compartmentId) =>
      this.allPages(`list the rules of ${compartmentId}`, PERMISSIONS.rules, options, async (page, limit) => {
        const response = await this.events.listRules({ compartmentId, page, limit });
        onPage?.(response.items);
        return response;
      }),
    );
    return perCompartment.flat();
  }

  /** Every topic of `compartmentIds`, with at most `concurrency` compartments at once. */
  async listTopics(
    compartmentIds: readonly string[],
    options: ListOptions = {},
  ): Promise<onsModels.NotificationTopicSummary[]> {
    const perCompartment = await mapBounded(compartmentIds, options.concurrency ?? 8, (compartmentId) =>
      this.allPages(`list the topics of ${compartmentId}`, PERMISSIONS.topics, options, (page, limit) =>
        this.onsControl.listTopics({ compartmentId, page, limit }),
      ),
    );
    return perCompartment.flat();
  }

  /** Every subscription of `topics`, with at most `concurrency` topics at once. */
  async listSubscriptions(
    topics: readonly { readonly topicId: string; readonly compartmentId: string }[],
    options: ListOptions = {},
  ): Promise<onsModels.SubscriptionSummary[]> {
    const perTopic = await mapBounded(topics, options.concurrency ?? 8, ({ topicId, compartmentId }) =>
      this.allPages(`list the subscriptions of ${topicId}`, PERMISSIONS.topics, options, (page, limit) =>
        this.onsData.listSubscriptions({ compartmentId, topicId, page, limit }),
      ),
    );
    return perTopic.flat();
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
}
