import { randomBytes, randomUUID } from 'crypto';
import { sameSecret } from '../../core/crypto/sameSecret';
import { checkMessage } from '../../core/ons/messageSize';
import { buildOnsNotification, buildSubscriptionConfirmation } from '../../core/payloads/ons';
import { ApiError, invalidParameter, notFound } from './apiError';
import { redactUrl } from '../../core/http/redact';
import { deliverWithRetries } from './delivery';
import type { OnsDeliveryRecord } from '../store/deliveryRecords';
import { Protocol, Subscription, Topic } from '../store/model';
import { ocid } from '../store/ocids';
import { ACTIVATION_MS, EmulatorState, etagOf, settle, Versioned } from '../store/state';
import { checkEtag } from './etags';

const TOPICS_PER_COMPARTMENT = 100;
const PROTOCOLS: Protocol[] = ['CUSTOM_HTTPS', 'EMAIL', 'HTTPS', 'ORACLE_FUNCTIONS', 'PAGERDUTY', 'SLACK', 'SMS'];
const HTTP_PROTOCOLS = new Set<Protocol>(['CUSTOM_HTTPS', 'HTTPS', 'PAGERDUTY', 'SLACK']);
const DEFAULT_DELIVERY_POLICY = { backoffRetryPolicy: { maxRetryDuration: 7_200_000, policyType: 'EXPONENTIAL' } };

type StoredSubscription = Versioned<Subscription> & { confirmationToken: string };

export interface TopicDraft {
  readonly name: string;
  readonly compartmentId: string;
  readonly description?: string;
  readonly freeformTags: Topic['freeformTags'];
  readonly definedTags: Topic['definedTags'];
}

export interface SubscriptionDraft {
  readonly topicId: string;
  readonly compartmentId: string;
  readonly protocol: string;
  readonly endpoint: string;
}

/**
 * Notifications: topics (unique names, a bound per compartment), subscriptions with their
 * confirmation, and publishing, which fans a message out to every ACTIVE HTTP subscription.
 * `baseUrl` is the emulator's own address, for the links its messages carry.
 */
export class OnsService {
  constructor(
    private readonly state: EmulatorState,
    private readonly baseUrl: string,
  ) {}

  createTopic(draft: TopicDraft, now: number): { topic: Topic; etag: string } {
    if (!this.state.isCompartment(draft.compartmentId)) {
      throw notFound();
    }
    const topics = [...this.state.topics.values()].map((t) => t.value);
    if (topics.some((t) => t.name === draft.name)) {
      throw new ApiError(409, 'Conflict', `A topic named ${draft.name} already exists in this tenancy.`);
    }
    if (topics.filter((t) => t.compartmentId === draft.compartmentId).length >= TOPICS_PER_COMPARTMENT) {
      throw new ApiError(400, 'TopicLimitReached', `A compartment holds at most ${TOPICS_PER_COMPARTMENT} topics.`);
    }
    const topic: Topic = {
      topicId: ocid('onstopic', randomUUID(), 'iad'),
      ...draft,
      lifecycleState: 'CREATING',
      timeCreated: new Date(now).toISOString(),
      apiEndpoint: this.baseUrl,
    };
    const etag = etagOf(topic);
    this.state.topics.set(topic.topicId, { value: topic, etag, activeAt: now + ACTIVATION_MS });
    return { topic, etag };
  }

  listTopics(compartmentId: string, name: string | undefined, now: number): (Topic & { etag: string })[] {
    if (!this.state.isCompartment(compartmentId)) {
      throw notFound();
    }
    return [...this.state.topics.values()]
      .map((t) => ({ ...currentTopic(t, now), etag: t.etag }))
      .filter((t) => t.compartmentId === compartmentId && (!name || t.name === name));
  }

  getTopic(topicId: string, now: number): { topic: Topic; etag: string } {
    const stored = this.findTopic(topicId);
    return { topic: currentTopic(stored, now), etag: stored.etag };
  }

  /** The name and compartment of a topic are fixed; only its description and tags change. */
  updateTopic(
    topicId: string,
    ifMatch: string | undefined,
    change: Pick<TopicDraft, 'description'> & Partial<Pick<TopicDraft, 'freeformTags' | 'definedTags'>>,
    now: number,
  ): { topic: Topic; etag: string } {
    const stored = this.findTopic(topicId);
    checkEtag(ifMatch, stored.etag);
    const topic: Topic = { ...currentTopic(stored, now), description: change.description };
    if (change.freeformTags) topic.freeformTags = change.freeformTags;
    if (change.definedTags) topic.definedTags = change.definedTags;
    const etag = etagOf(topic);
    this.state.topics.set(topic.topicId, { ...stored, value: topic, etag });
    return { topic, etag };
  }

  /** Deletes a topic and, as ONS does, its subscriptions. */
  deleteTopic(topicId: string, ifMatch: string | undefined): void {
    checkEtag(ifMatch, this.findTopic(topicId).etag);
    this.state.topics.delete(topicId);
    for (const [id, s] of this.state.subscriptions) {
      if (s.value.topicId === topicId) {
        this.state.subscriptions.delete(id);
      }
    }
  }

  createSubscription(draft: SubscriptionDraft, now: number): { subscription: Subscription; etag: string } {
    const topic = this.findTopic(draft.topicId).value;
    const protocol = draft.protocol as Protocol;
    if (!PROTOCOLS.includes(protocol)) {
      throw invalidParameter(`protocol must be one of ${PROTOCOLS.join(', ')}.`);
    }
    if (HTTP_PROTOCOLS.has(protocol) && !/^https?:\/\//.test(draft.endpoint)) {
      throw invalidParameter('An HTTPS subscription endpoint must be a URL.');
    }
    const subscription: Subscription = {
      id: ocid('onssubscription', randomUUID(), 'iad'),
      topicId: topic.topicId,
      protocol,
      endpoint: draft.endpoint,
      // Functions need no confirmation; every other protocol waits for one.
      lifecycleState: protocol === 'ORACLE_FUNCTIONS' ? 'ACTIVE' : 'PENDING',
      compartmentId: draft.compartmentId,
      createdTime: now,
      deliverPolicy: JSON.stringify(DEFAULT_DELIVERY_POLICY),
      freeformTags: {},
      definedTags: {},
    };
    const stored = {
      value: subscription,
      etag: etagOf(subscription),
      confirmationToken: randomBytes(24).toString('hex'),
    };
    this.state.subscriptions.set(subscription.id, stored);
    this.sendConfirmation(topic, stored);
    return { subscription, etag: stored.etag };
  }

  listSubscriptions(compartmentId: string, topicId: string | undefined): StoredSubscription[] {
    return [...this.state.subscriptions.values()].filter(
      ({ value: s }) => s.compartmentId === compartmentId && (!topicId || s.topicId === topicId),
    );
  }

  getSubscription(id: string): StoredSubscription {
    return this.findSubscription(id);
  }

  deleteSubscription(id: string, ifMatch: string | undefined): void {
    checkEtag(ifMatch, this.findSubscription(id).etag);
    this.state.subscriptions.delete(id);
  }

  resendConfirmation(id: string): Subscription {
    const stored = this.findSubscription(id);
    this.sendConfirmation(this.findTopic(stored.value.topicId).value, stored);
    return stored.value;
  }

  /** The confirmation link a subscriber opens: with the right token, the subscription turns ACTIVE. */
  confirm(id: string, token: string): { subscription: Subscription; etag: string; topicName: string } {
    const stored = this.findSubscription(id);
    if (!sameSecret(token, stored.confirmationToken)) {
      throw notFound();
    }
    stored.value = { ...stored.value, lifecycleState: 'ACTIVE' };
    stored.etag = etagOf(stored.value);
    const topicName = this.state.topics.get(stored.value.topicId)?.value.name ?? '';
    return { subscription: stored.value, etag: stored.etag, topicName };
  }

  /** Publishes a message a user sent, within ONS's size limit. */
  publishMessage(topicId: string, title: string, body: string): string {
    const topic = this.findTopic(topicId).value;
    const tooBig = checkMessage(title, body);
    if (tooBig) {
      // The status and code of the real refusal are a guess: the limit is documented, the error is not.
      throw invalidParameter(tooBig);
    }
    return this.publish(topic, body);
  }

  /** Sends `body` to every ACTIVE HTTP subscription of the topic; deliveries run in the background. */
  publish(topic: Topic, body: string): string {
    const messageId = randomUUID();
    for (const { value: s } of this.state.subscriptions.values()) {
      if (s.topicId === topic.topicId && s.lifecycleState === 'ACTIVE' && HTTP_PROTOCOLS.has(s.protocol)) {
        const notification = buildOnsNotification({
          topicId: topic.topicId,
          topicName: topic.name,
          unsubscribeUrl: this.unsubscribeUrl(s.id),
          messageId,
          body,
        });
        const record: OnsDeliveryRecord = {
          messageId,
          topicId: topic.topicId,
          subscriptionId: s.id,
          endpoint: redactUrl(s.endpoint),
          state: 'delivering',
          attempts: [],
        };
        this.state.onsDeliveries.add(record);
        void deliverWithRetries(s.endpoint, notification, this.state.log, this.state.timeScale, (attempt, state) => {
          record.attempts.push(attempt);
          record.state = state;
        });
      }
    }
    return messageId;
  }

  /** The topic of that OCID, if there is one. */
  topic(topicId: string): Topic | undefined {
    return this.state.topics.get(topicId)?.value;
  }

  unsubscribeUrl(subscriptionId: string): string {
    return `${this.baseUrl}/20181201/subscriptions/${subscriptionId}/unsubscription`;
  }

  private sendConfirmation(topic: Topic, stored: StoredSubscription): void {
    if (!HTTP_PROTOCOLS.has(stored.value.protocol)) {
      return;
    }
    const { id, protocol, endpoint } = stored.value;
    const confirmation = buildSubscriptionConfirmation({
      topicId: topic.topicId,
      topicName: topic.name,
      subscriptionId: id,
      confirmationUrl: `${this.baseUrl}/20181201/subscriptions/${id}/confirmation?token=${stored.confirmationToken}&protocol=${protocol}`,
      unsubscribeUrl: this.unsubscribeUrl(id),
    });
    void deliverWithRetries(endpoint, confirmation, this.state.log, this.state.timeScale);
  }

  private findTopic(id: string): Versioned<Topic> {
    const topic = this.state.topics.get(id);
    if (!topic) {
      throw notFound();
    }
    return topic;
  }

  private findSubscription(id: string): StoredSubscription {
    const subscription = this.state.subscriptions.get(id);
    if (!subscription) {
      throw notFound();
    }
    return subscription;
  }
}

function currentTopic(stored: Versioned<Topic>, now: number): Topic {
  return settle(stored, now, () => 'ACTIVE');
}
