import { conditionValue, RuleDetails } from './ruleDocument';
import { ACTION_TARGETS, ActionType } from './ruleFields';
import { trimChar } from '../text/trimChar';

/**
 * `oci events rule create …` for a rule, as seed 000 writes it: each JSON argument compact and
 * single-quoted for a POSIX shell.
 */
export function cliCreateCommand(details: RuleDetails, compartmentId: string): string {
  const actions = { actions: details.actions.actions.map(apiAction) };
  const lines = [
    'oci events rule create',
    `--compartment-id ${shellQuote(compartmentId)}`,
    `--display-name ${shellQuote(details.displayName)}`,
    ...(details.description ? [`--description ${shellQuote(details.description)}`] : []),
    `--is-enabled ${details.isEnabled}`,
    `--condition ${shellQuote(compactJson(details.condition))}`,
    `--actions ${shellQuote(JSON.stringify(actions))}`,
    ...(details.freeformTags && Object.keys(details.freeformTags).length
      ? [`--freeform-tags ${shellQuote(JSON.stringify(details.freeformTags))}`]
      : []),
  ];
  return lines.join(' \\\n  ');
}

/** An `oci_events_rule` resource, with the condition as `jsonencode(…)` of an HCL object. */
export function terraformResource(details: RuleDetails, compartmentId: string): string {
  const lines = [
    `resource "oci_events_rule" "${resourceName(details.displayName)}" {`,
    `  compartment_id = ${hclString(compartmentId)}`,
    `  display_name   = ${hclString(details.displayName)}`,
    ...(details.description ? [`  description    = ${hclString(details.description)}`] : []),
    `  is_enabled     = ${details.isEnabled}`,
    `  condition      = jsonencode(${hclValue(conditionValue(details.condition), '  ')})`,
    ...(details.freeformTags && Object.keys(details.freeformTags).length
      ? [`  freeform_tags  = ${hclValue(details.freeformTags, '  ')}`]
      : []),
    '',
    '  actions {',
    ...details.actions.actions.flatMap((action) => {
      const target = ACTION_TARGETS[action.actionType as ActionType];
      const id = target ? action[target.idField] : undefined;
      return [
        '    actions {',
        `      action_type = ${hclString(action.actionType)}`,
        `      is_enabled  = ${action.isEnabled}`,
        ...(target && id ? [`      ${snake(target.idField).padEnd(11)} = ${hclString(id)}`] : []),
        ...(action.description ? [`      description = ${hclString(action.description)}`] : []),
        '    }',
      ];
    }),
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

function apiAction(action: RuleDetails['actions']['actions'][number]): Record<string, unknown> {
  const target = ACTION_TARGETS[action.actionType as ActionType];
  const id = target ? action[target.idField] : undefined;
  return {
    actionType: action.actionType,
    ...(target && id ? { [target.idField]: id } : {}),
    isEnabled: action.isEnabled,
    ...(action.description ? { description: action.description } : {}),
  };
}

function compactJson(condition: string): string {
  try {
    return JSON.stringify(JSON.parse(condition));
  } catch {
    return condition;
  }
}

/** POSIX single quotes: nothing inside is expanded; a quote is closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A Terraform resource name in the usual style: lower case, digits and underscores, not starting with a digit. */
function resourceName(displayName: string): string {
  const name = trimChar(displayName.toLowerCase().replace(/[^a-z0-9_]+/g, '_'), '_', 'both');
  return /^[a-z_]/.test(name) ? name : `rule_${name}`;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** An HCL string literal: quotes and backslashes escaped, and `${` / `%{` kept literal. */
function hclString(value: string): string {
  const escaped = JSON.stringify(value)
    .slice(1, -1)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/** A JSON value as an HCL expression; object keys are quoted, so any key is valid. */
function hclValue(value: unknown, indent: string): string {
  if (typeof value === 'string') {
    return hclString(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => hclValue(v, indent)).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.length) {
      return '{}';
    }
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${hclString(k)} = ${hclValue(v, inner)}`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
