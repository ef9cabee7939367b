import { randomUUID } from 'crypto';
import { isTooDeep, tooDeepMessage } from '../core/json/jsonDepth';
import { invalidParameter, notFound } from './apiError';
import { ActionType, Rule, RuleAction, ruleSummary } from './model';
import { ocid } from './ocids';
import { pageOf, sortBy } from './paging';
import { checkIfMatch, compartmentParam, Route } from './route';
import { ACTIVATION_MS, EmulatorState, etagOf, settle, Versioned } from './state';
import { definedTags, freeformTags, object, optionalString, requiredBoolean, requiredString } from './validate';

const MAX_ACTIONS = 10;
const TARGET_FIELD: Record<ActionType, 'topicId' | 'streamId' | 'functionId'> = {
  ONS: 'topicId',
  OSS: 'streamId',
  FAAS: 'functionId',
};

/** Events (/20181201): rules. */
export const eventsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/20181201/rules',
    operation: 'events.listRules',
    handle: ({ query, state, now }) => {
      const compartmentId = compartmentParam(query, state);
      const lifecycle = query.get('lifecycleState');
      const displayName = query.get('displayName');
      let rules = [...state.rules.values()]
        .map((v) => current(v, now))
        .filter(
          (r) =>
            r.compartmentId === compartmentId &&
            (!lifecycle || r.lifecycleState === lifecycle) &&
            (!displayName || r.displayName === displayName),
        );
      rules = sortBy<Rule>(
        rules,
        query,
        { TIME_CREATED: (r) => r.timeCreated, ID: (r) => r.id, DISPLAY_NAME: (r) => r.displayName },
        'TIME_CREATED',
      );
      const { page, headers } = pageOf(rules, query, 50, 10);
      return { status: 200, body: page.map(ruleSummary), headers };
    },
  },
  {
    method: 'GET',
    path: '/20181201/rules/{ruleId}',
    operation: 'events.getRule',
    handle: ({ params, state, now }) => {
      const stored = find(state, params.ruleId);
      return { status: 200, body: current(stored, now), headers: { etag: stored.etag } };
    },
  },
  {
    method: 'POST',
    path: '/20181201/rules',
    operation: 'events.createRule',
    idempotent: true,
    handle: ({ body, state, now }) => {
      const details = object(body);
      const compartmentId = requiredString(details, 'compartmentId');
      if (!state.isCompartment(compartmentId)) {
        throw notFound();
      }
      const rule: Rule = {
        id: ocid('eventrule', randomUUID(), 'iad'),
        displayName: requiredString(details, 'displayName'),
        description: optionalString(details, 'description'),
        lifecycleState: 'CREATING',
        condition: checkCondition(requiredString(details, 'condition')),
        compartmentId,
        isEnabled: requiredBoolean(details, 'isEnabled'),
        actions: { actions: actionsOf(details.actions) },
        freeformTags: freeformTags(details.freeformTags),
        definedTags: definedTags(details.definedTags),
        timeCreated: new Date(now).toISOString(),
      };
      const stored = { value: rule, etag: etagOf(rule), activeAt: now + ACTIVATION_MS };
      state.rules.set(rule.id, stored);
      return { status: 200, body: rule, headers: { etag: stored.etag } };
    },
  },
  {
    method: 'PUT',
    path: '/20181201/rules/{ruleId}',
    operation: 'events.updateRule',
    handle: (ctx) => {
      const stored = find(ctx.state, ctx.params.ruleId);
      checkIfMatch(ctx, stored.etag);
      const details = object(ctx.body);
      const rule: Rule = { ...current(stored, ctx.now) };
      if ('displayName' in details) rule.displayName = requiredString(details, 'displayName');
      if ('description' in details) rule.description = optionalString(details, 'description');
      if ('isEnabled' in details) rule.isEnabled = requiredBoolean(details, 'isEnabled');
      if ('condition' in details) rule.condition = checkCondition(requiredString(details, 'condition'));
      if ('actions' in details) rule.actions = { actions: actionsOf(details.actions) };
      if ('freeformTags' in details) rule.freeformTags = freeformTags(details.freeformTags);
      if ('definedTags' in details) rule.definedTags = definedTags(details.definedTags);
      rule.lifecycleState = rule.isEnabled ? 'ACTIVE' : 'INACTIVE';
      ctx.state.rules.set(rule.id, { value: rule, etag: etagOf(rule) });
      return { status: 200, body: rule, headers: { etag: etagOf(rule) } };
    },
  },
  {
    method: 'DELETE',
    path: '/20181201/rules/{ruleId}',
    operation: 'events.deleteRule',
    handle: (ctx) => {
      const stored = find(ctx.state, ctx.params.ruleId);
      checkIfMatch(ctx, stored.etag);
      ctx.state.rules.delete(stored.value.id);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/20181201/rules/{ruleId}/actions/changeCompartment',
    operation: 'events.changeRuleCompartment',
    idempotent: true,
    handle: (ctx) => {
      const stored = find(ctx.state, ctx.params.ruleId);
      checkIfMatch(ctx, stored.etag);
      const target = requiredString(object(ctx.body), 'compartmentId');
      if (!ctx.state.isCompartment(target)) {
        throw notFound();
      }
      const rule = { ...current(stored, ctx.now), compartmentId: target };
      ctx.state.rules.set(rule.id, { value: rule, etag: etagOf(rule) });
      return { status: 200 };
    },
  },
];

function current(stored: Versioned<Rule>, now: number): Rule {
  return settle(stored, now, (rule) => (rule.isEnabled ? 'ACTIVE' : 'INACTIVE'));
}

function find(state: EmulatorState, id: string) {
  const stored = state.rules.get(id);
  if (!stored) {
    throw notFound();
  }
  return stored;
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

function actionsOf(value: unknown): RuleAction[] {
  const list = object(value).actions;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ACTIONS) {
    throw invalidParameter(`actions.actions must list 1 to ${MAX_ACTIONS} actions.`);
  }
  return list.map((item: unknown) => {
    const action = object(item);
    const actionType = requiredString(action, 'actionType').toUpperCase() as ActionType;
    const field = TARGET_FIELD[actionType];
    if (!field) {
      throw invalidParameter(`actionType must be ONS, OSS or FAAS, not ${actionType}.`);
    }
    return {
      actionType,
      id: ocid('eventaction', randomUUID(), 'iad'),
      lifecycleState: 'ACTIVE',
      // Required in the API's Action model; OCI fills it with a detail of the state, empty when all is well.
      lifecycleMessage: '',
      isEnabled: requiredBoolean(action, 'isEnabled'),
      description: optionalString(action, 'description'),
      [field]: requiredString(action, field),
    };
  });
}
