import { findNodeAtOffset, getLocation, Node } from 'jsonc-parser';
import { tooDeepAt } from '../json/jsonDepth';
import { EventTypeCatalogue } from './catalogue';
import { namedEventTypes } from './conditionContext';
import { DATA_FIELDS, ENVELOPE_FIELDS, EXTENSIONS_FIELDS, FieldInfo } from './envelopeFields';

export interface CompletionItem {
  readonly label: string;
  readonly kind: 'field' | 'eventType' | 'value';
  /** Short text beside the label: the service of an event type, where a field lives. */
  readonly detail: string;
  readonly documentation?: string;
  /** Replaces [offset, offset + length) of the document. */
  readonly insertText: string;
  readonly offset: number;
  readonly length: number;
}

/** What may be written at `offset` of a condition: keys at every level, event types, sources. */
export function completeCondition(
  text: string,
  offset: number,
  root: Node | undefined,
  catalogue: EventTypeCatalogue,
): CompletionItem[] {
  if (tooDeepAt(text) !== undefined) {
    return [];
  }
  const location = getLocation(text, offset);
  const path = location.path.filter((s): s is string => typeof s === 'string');
  const node = root ? findNodeAtOffset(root, offset, true) : undefined;
  // Inside a string, the whole string is replaced; elsewhere, the text is inserted.
  const inString = node?.type === 'string' && offset > node.offset && offset < node.offset + node.length;
  const range = inString ? { offset: node.offset, length: node.length } : { offset, length: 0 };
  if (location.isAtPropertyKey) {
    const keyPath = path.slice(0, -1);
    return keysAt(keyPath, root, catalogue).map((f) => ({
      label: f.name,
      kind: 'field',
      detail: keyPath.length ? `in ${keyPath.join('.')}` : 'envelope field',
      documentation: f.description,
      insertText: inString ? JSON.stringify(f.name) : `${JSON.stringify(f.name)}: `,
      ...range,
    }));
  }
  const field = path[path.length - 1];
  if (path.length === 1 && field === 'eventType') {
    return catalogue.entries.map((e) => ({
      label: e.eventType,
      kind: 'eventType',
      detail: e.service,
      documentation: e.description,
      insertText: JSON.stringify(e.eventType),
      ...range,
    }));
  }
  if (path.length === 1 && field === 'source') {
    return catalogue.sources().map((s) => ({
      label: s,
      kind: 'value',
      detail: 'event source',
      insertText: JSON.stringify(s),
      ...range,
    }));
  }
  return [];
}

function keysAt(path: readonly string[], root: Node | undefined, catalogue: EventTypeCatalogue): FieldInfo[] {
  const where = path.join('.');
  if (where === '') {
    return [...ENVELOPE_FIELDS];
  }
  if (where === 'data') {
    return [...DATA_FIELDS];
  }
  if (where === 'extensions') {
    return [...EXTENSIONS_FIELDS];
  }
  if (where === 'data.additionalDetails') {
    const types = namedEventTypes(root);
    const entries = types.length ? types.flatMap((t) => catalogue.matching(t)) : catalogue.entries;
    const keys = new Map<string, string[]>();
    for (const e of entries) {
      for (const key of Object.keys(e.additionalDetails ?? {})) {
        keys.set(key, [...(keys.get(key) ?? []), e.eventType]);
      }
    }
    return [...keys].map(([name, types]) => ({
      name,
      description: `Carried by ${types.length === 1 ? types[0] : `${types.length} event types, such as ${types[0]}`}.`,
    }));
  }
  return [];
}
