import type { OciClients } from '../oci';

/** The part of an SDK action the tree reads; its target's OCID sits on the subtype. */
export interface ActionSummary {
  readonly actionType: string;
  readonly isEnabled: boolean;
  readonly description?: string;
  readonly topicId?: string;
  readonly functionId?: string;
  readonly streamId?: string;
}

/** The OCID an action sends to: a topic, a function or a stream. */
export function targetOf(action: ActionSummary): string {
  return action.topicId ?? action.functionId ?? action.streamId ?? '';
}

/** The OCIDs a rule's actions (as the SDK types them, loosely) send to. */
export function targetsOf(actions: readonly unknown[] | undefined): string[] {
  return ((actions ?? []) as ActionSummary[]).map(targetOf);
}

/** The name of what an action sends to: its topic's, function's or stream's, read from the service. */
export async function readTargetName(clients: OciClients, action: ActionSummary): Promise<string | undefined> {
  if (action.topicId) {
    return (await clients.getTopic(action.topicId)).name;
  }
  if (action.functionId) {
    return (await clients.getFunction(action.functionId)).displayName;
  }
  return action.streamId ? (await clients.getStream(action.streamId)).name : undefined;
}
