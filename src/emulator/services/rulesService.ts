import { randomUUID } from 'crypto';
import { compile } from '../../core/condition/matcher';
import { isTooDeep, tooDeepMessage } from '../../core/json/jsonDepth';
import { invalidParameter, notFound } from './apiError';
import { ActionType, Rule, RuleAction } from '../store/model';
import { ocid } from '../store/ocids';
import { ACTIVATION_MS, EmulatorState, etagOf, settle, Versioned } from '../store/state';
import { checkEtag } from './etags';

const MAX_ACTIONS = 10;
const TARGET_FIELD: Record<ActionType, 'topicId' | 'streamId' | 'functionId'> = {
  ONS: 'topicId',
  OSS: 'streamId',
  FAAS: 'functionId',
};

/** An action as a request gives it: its type, and the OCID of the topic, stream or function. */
export interface ActionDraft {
  readonly actionType: string;
  readonly isEnabled: boolean;
  readonly description?: string;
  readonly targets: Partial<Record<'topicId' | 'streamId' | 'functionId', unknown>>;
}

/** A rule as a create gives it; an update gives any part of it. */
export interface RuleDraft {
  readonly displayName: string;
  readonly description?: string;
  readonly condition: string;
  readonly compartmentId: string;
  readonly isEnabled: boolean;
  readonly actions: readonly ActionDraft[];
  readonly freeformTags: Rule['freeformTags'];
  readonly definedTags: Rule['definedTags'];
}

/** A rule an event matched, and the topics it was published to. */
export interface RuleMatch {
  readonly ruleId: string;
  readonly displayName: string;
  readonly topics: string[];
}

/** The Events service: rules, their lifecycle and ETags, and which rules an event matches. */
export class RulesService {
  constructor(private readonly state: EmulatorState) {}

  list(compartmentId: string, filter: { lifecycleState?: string; displayName?: string }, now: number): Rule[] {
    this.requireCompartment(compartmentId);
    return [...this.state.rules.values()]
      .map((v) => current(v, now))
      .filter(
        (r) =>
          r.compartmentId === compartmentId &&
          (!filter.lifecycleState || r.lifecycleState === filter.lifecycleState) &&
          (!filter.displayName || r.displayName === filter.displayName),
      );
  }

  get(id: string, now: number): { rule: Rule; etag: string } {
    const stored = this.find(id);
    return { rule: current(stored, now), etag: stored.etag };
  }

  create(draft: RuleDraft, now: number): { rule: Rule; etag: string } {
    this.requireCompartment(draft.compartmentId);
    const rule: Rule = {
      id: ocid('eventrule', randomUUID(), 'iad'),
      displayName: draft.displayName,
      description: draft.description,
      lifecycleState: 'CREATING',
      condition: checkCondition(draft.condition),
      compartmentId: draft.compartmentId,
      isEnabled: draft.isEnabled,
      actions: { actions: actionsOf(draft.actions) },
      freeformTags: draft.freeformTags,
      definedTags: draft.definedTags,
      timeCreated: new Date(now).toISOString(),
    };
    const stored = { value: rule, etag: etagOf(rule), activeAt: now + ACTIVATION_MS };
    this.state.rules.set(rule.id, stored);
    return { rule, etag: stored.etag };
  }

  update(
    id: string,
    ifMatch: string | undefined,
    change: Partial<RuleDraft>,
    now: number,
  ): { rule: Rule; etag: string } {
    const stored = this.find(id);
    checkEtag(ifMatch, stored.etag);
    const { actions, condition, ...rest } = change;
    const rule: Rule = { ...current(stored, now), ...withoutUndefined(rest) };
    if ('description' in change) rule.description = change.description;
    if (condition !== undefined) rule.condition = checkCondition(condition);
    if (actions !== undefined) rule.actions = { actions: actionsOf(actions) };
    rule.lifecycleState = rule.isEnabled ? 'ACTIVE' : 'INACTIVE';
    const etag = etagOf(rule);
    this.state.rules.set(rule.id, { value: rule, etag });
    return { rule, etag };
  }

  remove(id: string, ifMatch: string | undefined): void {
    checkEtag(ifMatch, this.find(id).etag);
    this.state.rules.delete(id);
  }

  move(id: string, ifMatch: string | undefined, compartmentId: string, now: number): void {
    const stored = this.find(id);
    checkEtag(ifMatch, stored.etag);
    this.requireCompartment(compartmentId);
    const rule = { ...current(stored, now), compartmentId };
    this.state.rules.set(rule.id, { value: rule, etag: etagOf(rule) });
  }

  /**
   * The enabled rules that match an event of a compartment (a rule sees the events of its
   * compartment and of every one below it), each with the enabled ONS topics it sends to.
   */
  matching(compartmentId: string, event: unknown): { rule: Rule; topicIds: string[] }[] {
    const scope = new Set(this.state.ancestry(compartmentId));
    return [...this.state.rules.values()]
      .map(({ value }) => value)
      .filter((rule) => rule.isEnabled && scope.has(rule.compartmentId) && conditionMatches(rule.condition, event))
      .map((rule) => ({
        rule,
        topicIds: rule.actions.actions
          .filter((a) => a.actionType === 'ONS' && a.isEnabled && a.topicId)
          .map((a) => a.topicId!),
      }));
  }

  private find(id: string): Versioned<Rule> {
    const stored = this.state.rules.get(id);
    if (!stored) {
      throw notFound();
    }
    return stored;
  }

  private requireCompartment(id: string): void {
    if (!this.state.isCompartment(id)) {
      throw notFound();
    }
  }
}

function current(stored: Versioned<Rule>, now: number): Rule {
  return settle(stored, now, (rule) => (rule.isEnabled ? 'ACTIVE' : 'INACTIVE'));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** OCI takes the condition as a string that must hold a JSON object. */
function checkCondition(condition: string): string {
  let value: unknown;
  try {
    value = JSON.parse(condition);
  } catch {
    throw invalidParameter('The condition must be valid JSON, not HCL.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParameter('The condition must be a JSON object.');
  }
  if (isTooDeep(value)) {
    throw invalidParameter(tooDeepMessage('condition'));
  }
  return condition;
}

function actionsOf(drafts: readonly ActionDraft[]): RuleAction[] {
  if (drafts.length === 0 || drafts.length > MAX_ACTIONS) {
    throw invalidParameter(`actions.actions must list 1 to ${MAX_ACTIONS} actions.`);
  }
  return drafts.map((draft) => {
    const actionType = draft.actionType.toUpperCase() as ActionType;
    const field = TARGET_FIELD[actionType];
    if (!field) {
      throw invalidParameter(`actionType must be ONS, OSS or FAAS, not ${actionType}.`);
    }
    const target = draft.targets[field];
    if (typeof target !== 'string' || !target) {
      throw invalidParameter(`${field} is required and must be a string.`);
    }
    return {
      actionType,
      id: ocid('eventaction', randomUUID(), 'iad'),
      lifecycleState: 'ACTIVE',
      // Required in the API's Action model; OCI fills it with a detail of the state, empty when all is well.
      lifecycleMessage: '',
      isEnabled: draft.isEnabled,
      description: draft.description,
      [field]: target,
    };
  });
}

/**
 * Whether a stored rule's condition matches. Create and update refuse a condition that cannot
 * be read, but a state file written before those checks may hold one: it matches nothing,
 * rather than failing every event.
 */
function conditionMatches(condition: string, event: unknown): boolean {
  try {
    return compile(JSON.parse(condition))(event).matched;
  } catch {
    return false;
  }
}
