import { Limiter, limiter } from '../oci/limiter';
import type { OciClients } from '../oci/ociClients';
import type { ListOptions } from '../oci/ociSession';
import type { RuleInfo } from './resourceNodes';
import { ActionSummary, targetOf } from './ruleActions';

/**
 * Each rule of a list read with its actions; one deleted between the list and the read is left
 * out. `run` bounds the reads in flight, shared when several lists are read at once.
 */
export async function readRuleDetails(
  clients: OciClients,
  summaries: readonly RuleInfo[],
  options: ListOptions,
  run: Limiter = limiter(options.concurrency ?? 8),
): Promise<{ rule: RuleInfo; actions: ActionSummary[]; targets: string[] }[]> {
  const readOne = async (summary: RuleInfo) => {
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
  };
  const read = await Promise.all(summaries.map((summary) => run(() => readOne(summary))));
  return read.filter((r) => r !== undefined);
}
