import type { OciClients } from '../oci/ociClients';
import { mapBounded } from '../oci/bounded';
import type { ListOptions } from '../oci/ociSession';
import { ActionSummary, readTargetName, targetOf } from '../tenancy/ruleActions';
import { readRuleDetails } from '../tenancy/ruleDetails';
import type { SubscriptionInfo, TopicInfo } from '../tenancy/resourceNodes';
import type { TenancyFlowInput } from './flowGraph';

/**
 * Reads what the map of a compartment and the compartments below it is drawn from: every rule
 * with its actions (a list leaves them out, so each rule is read), the topics and their
 * subscriptions, and the names of targets elsewhere. `progress` is told each step.
 */
export async function loadTenancyFlow(
  clients: OciClients,
  compartmentId: string,
  options: ListOptions,
  progress: (step: string) => void = () => undefined,
): Promise<TenancyFlowInput> {
  const concurrency = options.concurrency ?? 8;
  progress('Listing compartments…');
  const below = await clients.listCompartments(compartmentId, true, options);
  const compartments = [compartmentId, ...below.map((c) => c.id)];
  progress(`Listing the rules of ${compartments.length} compartment${compartments.length === 1 ? '' : 's'}…`);
  const summaries = await clients.listRules(compartments, options);
  progress(`Reading ${summaries.length} rules…`);
  const rules = (await readRuleDetails(clients, summaries, options)).map(({ rule, actions }) => ({ rule, actions }));
  progress('Listing topics and subscriptions…');
  const topics: TopicInfo[] = await clients.listTopics(compartments, options);
  const subscriptions: SubscriptionInfo[] = await clients.listSubscriptions(topics, options);
  progress('Reading the targets in other compartments…');
  const listed = new Set(topics.map((t) => t.topicId));
  const unnamed = new Map<string, ActionSummary>();
  rules.flatMap((r) => r.actions).forEach((a) => !listed.has(targetOf(a)) && unnamed.set(targetOf(a), a));
  // A topic elsewhere is read with its subscriptions: where a rule's events end up is the point of the map.
  const elsewhere = (
    await mapBounded(
      [...unnamed.values()].filter((a) => a.topicId),
      concurrency,
      // A topic that cannot be read (deleted, or out of reach) is drawn by its OCID.
      (a) => clients.getTopic(a.topicId!).catch(() => undefined),
    )
  ).flatMap((t): TopicInfo[] => (t ? [t] : []));
  elsewhere.forEach((t) => unnamed.delete(t.topicId));
  topics.push(...elsewhere);
  subscriptions.push(...(await clients.listSubscriptions(elsewhere, options)));
  const names = await mapBounded([...unnamed], concurrency, async ([id, action]) => {
    const name = await readTargetName(clients, action).catch(() => undefined);
    return [id, name] as const;
  });
  return {
    rules,
    topics,
    subscriptions,
    targetNames: new Map(names.filter((n): n is readonly [string, string] => n[1] !== undefined)),
    compartments: new Set(compartments),
  };
}
