import { Node } from 'jsonc-parser';
import { editDistance } from '../condition/editDistance';
import { Finding, finding } from '../condition/findings';

/** oci-events.md: at most 10 actions per rule. */
export const MAX_ACTIONS = 10;

type FieldKind = 'string' | 'boolean' | 'object' | 'object-or-string' | 'actions';

/** The fields of a rule document; `id`, `compartmentId` and `etag` tie a workspace file to a deployed rule. */
const RULE_FIELDS: Record<string, { kind: FieldKind; required: boolean }> = {
  displayName: { kind: 'string', required: true },
  description: { kind: 'string', required: false },
  isEnabled: { kind: 'boolean', required: true },
  condition: { kind: 'object-or-string', required: true },
  actions: { kind: 'actions', required: true },
  freeformTags: { kind: 'object', required: false },
  definedTags: { kind: 'object', required: false },
  id: { kind: 'string', required: false },
  compartmentId: { kind: 'string', required: false },
  etag: { kind: 'string', required: false },
  // What `getRule` returns besides: a rule saved from the API checks too, and these are not deployed.
  lifecycleState: { kind: 'string', required: false },
  lifecycleMessage: { kind: 'string', required: false },
  timeCreated: { kind: 'string', required: false },
  systemTags: { kind: 'object', required: false },
};

/** Each action type, the field holding its target's OCID, the one holding its name, and the OCID's type. */
export const ACTION_TARGETS = {
  ONS: { idField: 'topicId', nameField: 'topic', ocidType: 'onstopic' },
  FAAS: { idField: 'functionId', nameField: 'function', ocidType: 'fnfunc' },
  OSS: { idField: 'streamId', nameField: 'stream', ocidType: 'stream' },
} as const;
export type ActionType = keyof typeof ACTION_TARGETS;

// `id` and `lifecycleState` come with actions read from the API; they are not deployed.
const ACTION_COMMON = ['actionType', 'isEnabled', 'description', 'id', 'lifecycleState', 'lifecycleMessage'];

/**
 * The rule document's own fields: unknown ones (a typo would be dropped silently on deploy),
 * missing and mistyped ones, and each action's type and target. The condition's content is
 * checked by the condition analysis.
 */
export function ruleFieldFindings(root: Node): Finding[] {
  const findings: Finding[] = [];
  const properties = new Map((root.children ?? []).map((p) => [p.children?.[0]?.value as string, p]));
  for (const [name, property] of properties) {
    const key = property.children![0];
    const spec = RULE_FIELDS[name];
    if (!spec) {
      findings.push(unknownField(key, name, Object.keys(RULE_FIELDS), 'a rule document'));
      continue;
    }
    const value = property.children?.[1];
    if (value && !hasKind(value, spec.kind)) {
      findings.push(finding('rule-field-type', `${name} must be ${KIND_TEXT[spec.kind]}.`, value.offset, value.length));
    }
  }
  for (const [name, spec] of Object.entries(RULE_FIELDS)) {
    if (spec.required && !properties.has(name)) {
      findings.push(finding('missing-rule-field', `A rule needs ${name} (${KIND_TEXT[spec.kind]}).`, root.offset, 1));
    }
  }
  const actions = actionList(properties.get('actions')?.children?.[1]);
  if (actions) {
    const items = actions.children ?? [];
    if (items.length > MAX_ACTIONS) {
      findings.push(
        finding(
          'too-many-actions',
          `A rule has at most ${MAX_ACTIONS} actions; this one has ${items.length}.`,
          actions.offset,
          actions.length,
        ),
      );
    }
    items.forEach((item) => findings.push(...actionFindings(item)));
  }
  return findings;
}

/** The array of actions: the document's own, or the API's `{"actions": [...]}`. */
function actionList(node: Node | undefined): Node | undefined {
  if (node?.type === 'object') {
    const inner = node.children?.find((p) => p.children?.[0]?.value === 'actions')?.children?.[1];
    return inner?.type === 'array' ? inner : undefined;
  }
  return node?.type === 'array' ? node : undefined;
}

function actionFindings(action: Node): Finding[] {
  if (action.type !== 'object') {
    return [finding('rule-field-type', 'Each action must be an object.', action.offset, action.length)];
  }
  const properties = new Map((action.children ?? []).map((p) => [p.children?.[0]?.value as string, p]));
  const typeNode = properties.get('actionType')?.children?.[1];
  const type = typeNode?.value as string | undefined;
  if (!typeNode || typeof type !== 'string' || !(type in ACTION_TARGETS)) {
    const at = typeNode ?? action;
    return [
      finding(
        'action-target',
        `actionType must be one of ${Object.keys(ACTION_TARGETS).join(', ')} (ONS: a Notifications topic, FAAS: a function, OSS: a stream).`,
        at.offset,
        typeNode ? at.length : 1,
      ),
    ];
  }
  const target = ACTION_TARGETS[type as ActionType];
  const findings: Finding[] = [];
  const allowed = [...ACTION_COMMON, target.idField, target.nameField];
  for (const [name, property] of properties) {
    if (!allowed.includes(name)) {
      findings.push(unknownField(property.children![0], name, allowed, `an ${type} action`));
    }
  }
  const id = properties.get(target.idField)?.children?.[1];
  if (!id) {
    findings.push(
      finding('action-target', `An ${type} action needs ${target.idField}, the OCID it sends to.`, action.offset, 1),
    );
  } else if (typeof id.value !== 'string' || !id.value.startsWith(`ocid1.${target.ocidType}.`)) {
    findings.push(
      finding(
        'action-target',
        `${target.idField} must be the OCID of a ${target.nameField} (ocid1.${target.ocidType}.…).`,
        id.offset,
        id.length,
      ),
    );
  }
  const enabled = properties.get('isEnabled')?.children?.[1];
  if (enabled && enabled.type !== 'boolean') {
    findings.push(finding('rule-field-type', 'isEnabled must be true or false.', enabled.offset, enabled.length));
  }
  return findings;
}

function unknownField(key: Node, name: string, known: readonly string[], where: string): Finding {
  const nearest = known
    .map((k) => ({ k, d: editDistance(name.toLowerCase(), k.toLowerCase(), 3) }))
    .sort((a, b) => a.d - b.d)[0];
  const suggestion = nearest && nearest.d <= 3 ? nearest.k : undefined;
  return finding(
    'unknown-rule-field',
    `"${name}" is not a field of ${where}${suggestion ? `: did you mean ${suggestion}?` : `; its fields are ${known.join(', ')}.`}`,
    key.offset,
    key.length,
    suggestion
      ? [
          {
            title: `Rename to ${suggestion}`,
            edits: [{ offset: key.offset, length: key.length, newText: JSON.stringify(suggestion) }],
          },
        ]
      : [],
  );
}

const KIND_TEXT: Record<FieldKind, string> = {
  string: 'a string',
  boolean: 'true or false',
  object: 'a JSON object',
  'object-or-string': 'a JSON object (or the API’s JSON string)',
  actions: 'an array of actions',
};

function hasKind(node: Node, kind: FieldKind): boolean {
  switch (kind) {
    case 'string':
      return node.type === 'string';
    case 'boolean':
      return node.type === 'boolean';
    case 'object':
      return node.type === 'object';
    case 'object-or-string':
      return node.type === 'object' || node.type === 'string';
    case 'actions':
      return actionList(node) !== undefined;
  }
}
