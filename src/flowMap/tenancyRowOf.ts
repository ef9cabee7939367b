import { compartmentPath } from '../core/tenancy/compartmentPath';
import type { TenancyFlowInput } from '../core/flowMap/flowGraph';
import type { TenancyInfoNode } from '../core/tenancy/profileNodes';
import type {
  CompartmentNode,
  ContainerNode,
  ResourceNode,
  RuleNode,
  SubscriptionNode,
  TopicNode,
} from '../core/tenancy/resourceNodes';
import type { ResourceLists } from '../tenancy/resourceLists';

/** How many pages of one list the way down reads at most before it gives up on a row. */
const MAX_PAGES = 40;

export type Place = TenancyInfoNode | CompartmentNode;

/** What to find: a rule or topic in a compartment, or a subscription of a topic. */
export type RowWanted =
  | { readonly kind: 'rule' | 'topic'; readonly id: string; readonly compartmentId: string }
  | { readonly kind: 'subscription'; readonly id: string; readonly topicId: string; readonly compartmentId: string };

/**
 * The Tenancy view's row of a rule, topic or subscription below `top` (the row the map was
 * opened from), loading each list on the way down as a user expanding it would. Undefined when
 * it is not below `top`, or not in its list (filtered out, or gone).
 */
export async function tenancyRowOf(
  lists: ResourceLists,
  top: Place,
  input: TenancyFlowInput,
  wanted: RowWanted,
): Promise<RuleNode | TopicNode | SubscriptionNode | undefined> {
  const path = compartmentPath(wanted.compartmentId, top.id, input.compartmentParents ?? new Map());
  if (!path) {
    return undefined;
  }
  let place: Place | undefined = top;
  for (const id of path) {
    place = await findIn(lists, place, (n): n is CompartmentNode => n.kind === 'compartment' && n.id === id);
    if (!place) {
      return undefined;
    }
  }
  if (wanted.kind === 'rule') {
    return findIn(
      lists,
      lists.groupOf(place, 'rules'),
      (n): n is RuleNode => n.kind === 'rule' && n.rule.id === wanted.id,
    );
  }
  const topicId = wanted.kind === 'subscription' ? wanted.topicId : wanted.id;
  const topic = await findIn(
    lists,
    lists.groupOf(place, 'topics'),
    (n): n is TopicNode => n.kind === 'topic' && n.topic.topicId === topicId,
  );
  if (wanted.kind === 'topic' || !topic) {
    return topic;
  }
  return findIn(
    lists,
    topic,
    (n): n is SubscriptionNode => n.kind === 'subscription' && n.subscription.id === wanted.id,
  );
}

/** A row under `container`, reading its list a page at a time until the row or the end is reached. */
async function findIn<T extends ResourceNode>(
  lists: ResourceLists,
  container: ContainerNode,
  match: (node: ResourceNode) => node is T,
): Promise<T | undefined> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const rows = await lists.children(container);
    const found = rows.find(match);
    if (found || !rows.some((r) => r.kind === 'loadMore')) {
      return found;
    }
    await lists.loadMore(container);
  }
  return undefined;
}
