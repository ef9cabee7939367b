import { parse, ParseError } from 'jsonc-parser';
import { isJsonObject } from '../json/isJsonObject';
import { isTooDeep, tooDeepAt, tooDeepMessage } from '../json/jsonDepth';
import { ACTION_TARGETS, ActionType } from './ruleFields';

/** What the API holds of a rule, in the parts a document shows. */
export interface ApiRule {
  readonly displayName: string;
  readonly description?: string;
  readonly isEnabled: boolean;
  readonly condition: string;
  readonly compartmentId?: string;
  readonly freeformTags?: Record<string, string>;
  readonly definedTags?: Record<string, Record<string, unknown>>;
  readonly actions?: { readonly actions?: readonly ApiAction[] };
}

export interface ApiAction {
  readonly actionType: string;
  /** The SDK's read type leaves it optional; an absent one is enabled. */
  readonly isEnabled?: boolean;
  readonly description?: string;
  readonly topicId?: string;
  readonly functionId?: string;
  readonly streamId?: string;
}

/** An action as create and update take it. */
export type DeployAction = ApiAction & { readonly isEnabled: boolean };

/** What create and update take: the condition back as the string the API holds. */
export interface RuleDetails {
  readonly displayName: string;
  readonly description?: string;
  readonly isEnabled: boolean;
  readonly condition: string;
  readonly actions: { actions: DeployAction[] };
  readonly freeformTags?: Record<string, string>;
  readonly definedTags?: Record<string, Record<string, unknown>>;
}

/**
 * A rule as a document: the condition as a JSON object (the API holds it as a string), and
 * each action's target by name beside its OCID. `extra` adds fields first (a workspace file's
 * id and compartment).
 */
export function ruleDocumentText(
  rule: ApiRule,
  targetNames: ReadonlyMap<string, string> = new Map(),
  extra: Record<string, string> = {},
): string {
  const document: Record<string, unknown> = {
    ...extra,
    displayName: rule.displayName,
    ...(rule.description ? { description: rule.description } : {}),
    isEnabled: rule.isEnabled,
    condition: conditionValue(rule.condition),
    actions: (rule.actions?.actions ?? []).map((action) => documentAction(action, targetNames)),
    ...(rule.freeformTags && Object.keys(rule.freeformTags).length ? { freeformTags: rule.freeformTags } : {}),
    ...(rule.definedTags && Object.keys(rule.definedTags).length ? { definedTags: rule.definedTags } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function documentAction(action: ApiAction, names: ReadonlyMap<string, string>): Record<string, unknown> {
  const type = action.actionType as ActionType;
  const target = ACTION_TARGETS[type];
  if (!target) {
    return { ...action };
  }
  const id = action[target.idField] ?? '';
  const name = names.get(id);
  return {
    actionType: type,
    ...(name ? { [target.nameField]: name } : {}),
    [target.idField]: id,
    isEnabled: action.isEnabled !== false,
    ...(action.description ? { description: action.description } : {}),
  };
}

/**
 * The condition as an object when it is JSON; a string that is not, or nests too deep to show
 * or write out as an object, stays a string, for its findings to show.
 */
export function conditionValue(condition: string): unknown {
  try {
    const value = JSON.parse(condition) as unknown;
    return isTooDeep(value) ? condition : value;
  } catch {
    return condition;
  }
}

/**
 * What a document deploys as. Call it on a document without error findings: it throws on a
 * document it cannot read at all, and leaves the rest to the service.
 */
export function ruleDetailsOf(text: string): RuleDetails & { id?: string; compartmentId?: string } {
  if (tooDeepAt(text) !== undefined) {
    throw new Error(tooDeepMessage('rule document'));
  }
  const errors: ParseError[] = [];
  const document: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !isJsonObject(document)) {
    throw new Error('The rule document is not a JSON object.');
  }
  const actions = Array.isArray(document.actions)
    ? document.actions
    : isJsonObject(document.actions) && Array.isArray(document.actions.actions)
      ? document.actions.actions
      : [];
  const string = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    displayName: string(document.displayName) ?? '',
    ...(typeof document.description === 'string' ? { description: document.description } : {}),
    isEnabled: document.isEnabled === true,
    // Compact, as the console writes it; a string condition goes as written.
    condition: typeof document.condition === 'string' ? document.condition : JSON.stringify(document.condition),
    actions: { actions: actions.filter(isJsonObject).map(apiAction) },
    ...(isJsonObject(document.freeformTags) ? { freeformTags: document.freeformTags as Record<string, string> } : {}),
    ...(isJsonObject(document.definedTags)
      ? { definedTags: document.definedTags as Record<string, Record<string, unknown>> }
      : {}),
    ...(string(document.id) ? { id: string(document.id) } : {}),
    ...(string(document.compartmentId) ? { compartmentId: string(document.compartmentId) } : {}),
  };
}

function apiAction(action: Record<string, unknown>): DeployAction {
  const type = String(action.actionType) as ActionType;
  const target = ACTION_TARGETS[type];
  const id = target ? action[target.idField] : undefined;
  return {
    actionType: type,
    isEnabled: action.isEnabled !== false,
    ...(typeof action.description === 'string' ? { description: action.description } : {}),
    ...(target && typeof id === 'string' ? { [target.idField]: id } : {}),
  };
}
