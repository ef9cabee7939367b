import { findNodeAtOffset, getNodePath, Node } from 'jsonc-parser';
import { buildOciEvent } from '../payloads/ociEvent';
import { EventTypeCatalogue, EventTypeInfo } from './catalogue';
import { DATA_FIELDS, ENVELOPE_FIELDS, EXTENSIONS_FIELDS } from './envelopeFields';
import { hasWildcard } from './wildcard';

export interface HoverInfo {
  /** Markdown. */
  readonly contents: string;
  readonly offset: number;
  readonly length: number;
}

const CASE_NOTE = 'Matching is case-sensitive here; the OCI docs do not say, so this is unconfirmed.';

/** For an event type: its service, description and an example event; for a key: its place in the envelope. */
export function hoverCondition(
  root: Node | undefined,
  offset: number,
  catalogue: EventTypeCatalogue,
): HoverInfo | undefined {
  const node = root ? findNodeAtOffset(root, offset) : undefined;
  if (!node || node.type !== 'string') {
    return undefined;
  }
  const path = getNodePath(node).filter((s): s is string => typeof s === 'string');
  const range = { offset: node.offset, length: node.length };
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  if (isKey) {
    const field = describeField(path);
    return field ? { contents: field, ...range } : undefined;
  }
  if (path.length === 1 && path[0] === 'eventType') {
    const value = node.value as string;
    if (hasWildcard(value)) {
      const matches = catalogue.matching(value);
      const list = matches
        .slice(0, 10)
        .map((e) => `- \`${e.eventType}\``)
        .join('\n');
      return {
        contents: `**${value}** matches ${matches.length} catalogued event type${matches.length === 1 ? '' : 's'}${matches.length ? `:\n\n${list}${matches.length > 10 ? '\n- …' : ''}` : '.'}\n\n${CASE_NOTE}`,
        ...range,
      };
    }
    const entry = catalogue.get(value);
    return entry ? { contents: describeEventType(entry), ...range } : undefined;
  }
  return { contents: `Compared with the event’s \`${path.join('.')}\`. ${CASE_NOTE}`, ...range };
}

function describeEventType(entry: EventTypeInfo): string {
  const example = buildOciEvent({
    eventType: entry.eventType,
    source: entry.envelopeSource,
    additionalDetails: entry.additionalDetails,
    eventID: '00000000-0000-4000-8000-000000000000',
    eventTime: new Date('2026-01-01T00:00:00Z'),
  });
  const details = entry.additionalDetails ? Object.keys(entry.additionalDetails) : [];
  return [
    `**${entry.eventType}** · ${entry.service}`,
    entry.description,
    details.length ? `additionalDetails: ${details.map((d) => `\`${d}\``).join(', ')}` : '',
    CASE_NOTE,
    'Example event:',
    '```json\n' + JSON.stringify(example, null, 2) + '\n```',
    /^https?:/.test(entry.origin) ? `[Source](${entry.origin})` : `From ${entry.origin}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

function describeField(path: readonly string[]): string | undefined {
  const name = path[path.length - 1];
  const parent = path.slice(0, -1).join('.');
  const table =
    parent === ''
      ? ENVELOPE_FIELDS
      : parent === 'data'
        ? DATA_FIELDS
        : parent === 'extensions'
          ? EXTENSIONS_FIELDS
          : undefined;
  const field = table?.find((f) => f.name === name);
  const place = parent === '' ? 'a top-level envelope field' : `under \`${parent}\``;
  if (field) {
    return `\`${name}\`: ${place}. ${field.description}`;
  }
  if (
    parent === 'data.additionalDetails' ||
    parent.startsWith('data.freeformTags') ||
    parent.startsWith('data.definedTags')
  ) {
    return `\`${name}\`: ${place}, specific to the event or resource.`;
  }
  return `\`${name}\`: not an envelope field ${parent ? `under \`${parent}\`` : 'at the top level'}; an event without it never matches.`;
}
