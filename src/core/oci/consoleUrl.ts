/** What a console page is asked for: a resource's OCID and kind, and the region the profile calls. */
export interface ConsoleTarget {
  readonly kind: 'tenancy' | 'compartment' | 'rule' | 'topic' | 'subscription';
  readonly id: string;
  readonly region: string;
  /** A subscription's topic: the console lists subscriptions on their topic's page. */
  readonly topicId?: string;
}

/** The console of each realm whose address is known; OCIDs name their realm in their third part. */
const CONSOLES: Record<string, string> = { oc1: 'https://cloud.oracle.com' };

/**
 * The OCI Console page of a resource, or why there is none. The topic and compartment paths are
 * the ones console links in public code use (cloud.oracle.com/notification/topics/<ocid>,
 * /identity/compartments/<ocid>); the rule path follows the rules list page,
 * cloud.oracle.com/events/rules, with the OCID appended as for topics: that part is a guess.
 */
export function consoleUrl(target: ConsoleTarget): { url: string } | { reason: string } {
  const realm = target.id.split('.')[2];
  const base = realm ? CONSOLES[realm] : undefined;
  if (!base) {
    return {
      reason: `The OCI Console address of realm ${realm || '(none)'} is not known here; copy the OCID instead.`,
    };
  }
  const region = `?region=${encodeURIComponent(target.region)}`;
  switch (target.kind) {
    case 'tenancy':
    case 'compartment':
      return { url: `${base}/identity/compartments/${target.id}${region}` };
    case 'rule':
      return { url: `${base}/events/rules/${target.id}${region}` };
    case 'topic':
      return { url: `${base}/notification/topics/${target.id}${region}` };
    case 'subscription':
      return target.topicId
        ? { url: `${base}/notification/topics/${target.topicId}${region}` }
        : { reason: 'The subscription’s topic is not known.' };
  }
}
