import { ruleSummary, Rule } from '../store/model';
import { pageOf, sortBy } from './paging';
import { ifMatch, Route } from './route';
import { ActionDraft, RuleDraft, RulesService } from '../services/rulesService';
import { definedTags, freeformTags, object, optionalString, requiredBoolean, requiredString } from './validate';

/** Events (/20181201): rules. Each route reads its request and answers; RulesService decides. */
export const eventsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/20181201/rules',
    operation: 'events.listRules',
    handle: ({ query, state, now }) => {
      const rules = new RulesService(state).list(
        query.get('compartmentId') ?? '',
        {
          lifecycleState: query.get('lifecycleState') ?? undefined,
          displayName: query.get('displayName') ?? undefined,
        },
        now,
      );
      const sorted = sortBy<Rule>(
        rules,
        query,
        { TIME_CREATED: (r) => r.timeCreated, ID: (r) => r.id, DISPLAY_NAME: (r) => r.displayName },
        'TIME_CREATED',
      );
      const { page, headers } = pageOf(sorted, query, 50, 10);
      return { status: 200, body: page.map(ruleSummary), headers };
    },
  },
  {
    method: 'GET',
    path: '/20181201/rules/{ruleId}',
    operation: 'events.getRule',
    handle: ({ params, state, now }) => {
      const { rule, etag } = new RulesService(state).get(params.ruleId, now);
      return { status: 200, body: rule, headers: { etag } };
    },
  },
  {
    method: 'POST',
    path: '/20181201/rules',
    operation: 'events.createRule',
    idempotent: true,
    handle: ({ body, state, now }) => {
      const details = object(body);
      const draft: RuleDraft = {
        compartmentId: requiredString(details, 'compartmentId'),
        displayName: requiredString(details, 'displayName'),
        description: optionalString(details, 'description'),
        condition: requiredString(details, 'condition'),
        isEnabled: requiredBoolean(details, 'isEnabled'),
        actions: actionDrafts(details.actions),
        freeformTags: freeformTags(details.freeformTags),
        definedTags: definedTags(details.definedTags),
      };
      const { rule, etag } = new RulesService(state).create(draft, now);
      return { status: 200, body: rule, headers: { etag } };
    },
  },
  {
    method: 'PUT',
    path: '/20181201/rules/{ruleId}',
    operation: 'events.updateRule',
    handle: (ctx) => {
      const details = object(ctx.body);
      const change: { -readonly [K in keyof RuleDraft]?: RuleDraft[K] } = {};
      if ('displayName' in details) change.displayName = requiredString(details, 'displayName');
      if ('description' in details) change.description = optionalString(details, 'description');
      if ('isEnabled' in details) change.isEnabled = requiredBoolean(details, 'isEnabled');
      if ('condition' in details) change.condition = requiredString(details, 'condition');
      if ('actions' in details) change.actions = actionDrafts(details.actions);
      if ('freeformTags' in details) change.freeformTags = freeformTags(details.freeformTags);
      if ('definedTags' in details) change.definedTags = definedTags(details.definedTags);
      const { rule, etag } = new RulesService(ctx.state).update(ctx.params.ruleId, ifMatch(ctx), change, ctx.now);
      return { status: 200, body: rule, headers: { etag } };
    },
  },
  {
    method: 'DELETE',
    path: '/20181201/rules/{ruleId}',
    operation: 'events.deleteRule',
    handle: (ctx) => {
      new RulesService(ctx.state).remove(ctx.params.ruleId, ifMatch(ctx));
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/20181201/rules/{ruleId}/actions/changeCompartment',
    operation: 'events.changeRuleCompartment',
    idempotent: true,
    handle: (ctx) => {
      const target = requiredString(object(ctx.body), 'compartmentId');
      new RulesService(ctx.state).move(ctx.params.ruleId, ifMatch(ctx), target, ctx.now);
      return { status: 200 };
    },
  },
];

/** `actions.actions` of a request, each read as far as its shape; the service checks the rest. */
function actionDrafts(value: unknown): ActionDraft[] {
  const list = object(value).actions;
  return (Array.isArray(list) ? list : []).map((item: unknown) => {
    const action = object(item);
    return {
      actionType: requiredString(action, 'actionType'),
      isEnabled: requiredBoolean(action, 'isEnabled'),
      description: optionalString(action, 'description'),
      targets: { topicId: action.topicId, streamId: action.streamId, functionId: action.functionId },
    };
  });
}
