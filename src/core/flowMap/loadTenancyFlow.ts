import type { OciClients } from '../oci/ociClients';
import { mapBounded } from '../oci/bounded';
import { limiter } from '../oci/limiter';
import type { ListOptions } from '../oci/ociSession';
import { ActionSummary, readTargetName, targetOf } from '../tenancy/ruleActions';
import { readRuleDetails } from '../tenancy/ruleDetails';
import type { TopicInfo } from '../tenancy/resourceNodes';
import type { TenancyFlowInput } from './flowGraph';

/**
 * Reads what the map of a compartment and the compartments below it is drawn from: every rule
 * with its actions (a list leaves them out, so each rule is read), the topics and their
 * subscriptions, and the names of targets elsewhere. `progress` is told each step.
 */
export async function loadTenancyFlow(
  clients: OciClients,
  where: { readonly compartmentId: string; readonly ownOnly?: boolean },
  options: ListOptions,
  progress: (step: string) => void = () => undefined,
): Promise<TenancyFlowInput> {
  const { compartmentId } = where;
  const concurrency = options.concurrency ?? 8;
  progress('Listing compartments…');
  const below = where.ownOnly ? [] : await clients.listCompartments(compartmentId, true, options);
  const compartments = [compartmentId, ...below.map((c) => c.id)];
  progress(
    `Listing the rules and topics of ${compartments.length} compartment${compartments.length === 1 ? '' : 's'}…`,
  );
  // Rules and topics do not wait for each other: each rule's read is what takes the time.
  const [rules, { topics, subscriptions }] = await Promise.all([
    listAndReadRules(clients, compartments, options, progress),
    clients.listTopics(compartments, options).then(async (listed: TopicInfo[]) => ({
      topics: listed,
      subscriptions: await clients.listSubscriptions(listed, options),
    })),
  ]);
  progress('Reading the targets in other compartments…');
  const listed = new Set(topics.map((t) => t.topicId));
  const unnamed = new Map<string, ActionSummary>();
  rules.flatMap((r) => r.actions).forEach((a) => !listed.has(targetOf(a)) && unnamed.set(targetOf(a), a));
  // A topic elsewhere is read with its subscriptions: where a rule's events end up is the point of the map.
  const otherTopics = [...unnamed.values()].filter((a) => a.topicId).map((a) => a.topicId!);
  otherTopics.forEach((id) => unnamed.delete(id));
  const elsewhere = (
    await mapBounded(otherTopics, concurrency, (id) =>
      // A topic that cannot be read (deleted, or out of reach) is drawn by its OCID.
      clients.getTopic(id).catch(() => undefined),
    )
  ).flatMap((t): TopicInfo[] => (t ? [t] : []));
  topics.push(...elsewhere);
  subscriptions.push(...(await clients.listSubscriptions(elsewhere, options)));
  const names = await mapBounded([...unnamed], concurrency, async ([id, action]) => {
    const name = await readTargetName(clients, action).catch(() => undefined);
    return [id, name] as const;
  });
  return {
    rules: rules.map(({ rule, actions }) => ({ rule, actions })),
    topics,
    subscriptions,
    targetNames: new Map(names.filter((n): n is readonly [string, string] => n[1] !== undefined)),
    compartments: new Set(compartments),
    compartmentNames: new Map(below.map((c) => [c.id, c.name])),
    compartmentParents: new Map(below.map((c) => [c.id, c.compartmentId])),
  };
}

/** Every rule of `compartments` with its actions: each page's rules are read while the next page is listed. */
async function listAndReadRules(
  clients: OciClients,
  compartments: readonly string[],
  options: ListOptions,
  progress: (step: string) => void,
): Promise<Awaited<ReturnType<typeof readRuleDetails>>> {
  const run = limiter(options.concurrency ?? 8);
  const reads: ReturnType<typeof readRuleDetails>[] = [];
  // Should the listing fail, its error is the one told; the reads it started end on their own.
  const summaries = await clients.listRules(compartments, options, (page) => {
    const read = readRuleDetails(clients, page, options, run);
    // Awaited with the others once the listing ends; until then a failed read is not unhandled.
    read.catch(() => undefined);
    reads.push(read);
  });
  progress(`Reading ${summaries.length} rules…`);
  return (await Promise.all(reads)).flat();
}
