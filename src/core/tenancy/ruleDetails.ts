import { mapBounded } from '../oci/bounded';
import type { OciClients } from '../oci/ociClients';
import type { ListOptions } from '../oci/ociSession';
import type { RuleInfo } from './resourceNodes';
import { ActionSummary, targetOf } from './ruleActions';

/** Each rule of a list read with its actions; one deleted between the list and the read is left out. */
export async function readRuleDetails(
  clients: OciClients,
  summaries: readonly RuleInfo[],
  options: ListOptions,
): Promise<{ rule: RuleInfo; actions: ActionSummary[]; targets: string[] }[]> {
  const read = await mapBounded(summaries, options.concurrency ?? 8, async (summary) => {
    try {
      const { rule } = await clients.getRule(summary.id, options.retry);
      const actions = (rule.actions?.actions ?? []) as ActionSummary[];
      return { rule: summary, actions, targets: actions.map(targetOf) };
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) {
        // Deleted between the list and the read: it sends nowhere now.
        return undefined;
      }
      throw err;
    }
  });
  return read.filter((r) => r !== undefined);
}
