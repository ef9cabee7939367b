import { Node } from 'jsonc-parser';
import { TextEdit } from '../text/textEdits';

/**
 * Edits at a property's own place in the tree, not over the whole text: jsonc's `modify` reparses
 * and reformats the document for every fix, which made a condition with thousands of duplicate
 * keys take minutes to check. These cost nothing beyond the property they touch.
 */

/** Removes a property with the comma that joins it to a neighbour; undefined outside an object. */
export function removeProperty(property: Node, index?: number): TextEdit | undefined {
  const siblings = property.parent?.type === 'object' ? property.parent.children : undefined;
  const at = index ?? siblings?.indexOf(property) ?? -1;
  if (!siblings || siblings[at] !== property) {
    return undefined;
  }
  const next = siblings[at + 1];
  if (next) {
    return { offset: property.offset, length: next.offset - property.offset, newText: '' };
  }
  const previous = siblings[at - 1];
  const start = previous ? previous.offset + previous.length : property.offset;
  return { offset: start, length: property.offset + property.length - start, newText: '' };
}

/** Adds `"key": value` (value as written) as the last property of an object. */
export function appendProperty(object: Node, key: string, valueText: string): TextEdit {
  const written = `${JSON.stringify(key)}: ${valueText}`;
  const last = object.children?.[object.children.length - 1];
  return last
    ? { offset: last.offset + last.length, length: 0, newText: `, ${written}` }
    : { offset: object.offset + 1, length: 0, newText: written };
}
