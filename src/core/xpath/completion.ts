import { FusionEvent } from '../fusion/fusionEvents';
import { buildFusionEventPayload } from '../payloads/fusionEvent';
import { EVENT_PAYLOAD, FilterAnalysis } from './analyzeFilter';
import { PayloadTree, XNode } from './engine/dataModel';
import { evaluateXPath } from './engine/evaluator';
import { parsePayloadTree } from './engine/payloadTree';
import { XPATH1_FUNCTIONS } from './functions';

export interface FilterCompletion {
  readonly label: string;
  readonly kind: 'prefix' | 'element' | 'attribute' | 'function' | 'variable';
  readonly insertText: string;
  readonly detail?: string;
  /** The document range the completion replaces. */
  readonly offset: number;
  readonly length: number;
  /** Whether to ask for completions again after inserting (after `prefix:`). */
  readonly retrigger?: boolean;
}

/** The characters a path being typed is made of, to find where it starts. */
const PATH_CHAR = /[\w.:$@/*-]/;

/**
 * Completions at a document offset inside the expression: after a `/`, the children the path
 * typed so far selects in the target event's sample payload, written with the declared
 * prefixes; elsewhere, `$eventPayload`, the declared prefixes and the XPath 1.0 functions.
 */
export function completeFilter(analysis: FilterAnalysis, offset: number): FilterCompletion[] {
  const { document } = analysis;
  const { start, end } = document.expressionRange;
  if (offset < start || offset > Math.max(end, start)) {
    return [];
  }
  const text = document.text;
  let pathStart = offset;
  while (pathStart > start && PATH_CHAR.test(text[pathStart - 1])) {
    pathStart--;
  }
  const typed = text.slice(pathStart, offset);
  const slash = typed.lastIndexOf('/');
  const word = slash >= 0 ? typed.slice(slash + 1) : typed;
  const wordOffset = offset - word.length;
  const replace = { offset: wordOffset, length: word.length };
  if (word.startsWith('$')) {
    return [eventPayload(replace)];
  }
  if (slash >= 0) {
    return childSteps(analysis, typed.slice(0, slash).replace(/\/$/, ''), word.startsWith('@'), replace);
  }
  return [
    eventPayload(replace),
    ...prefixes(analysis, replace),
    ...Object.entries(XPATH1_FUNCTIONS).map(([name, signature]) => ({
      label: name,
      kind: 'function' as const,
      insertText: `${name}(`,
      detail: signature,
      ...replace,
    })),
  ];
}

function eventPayload(replace: { offset: number; length: number }): FilterCompletion {
  const name = `$${EVENT_PAYLOAD}`;
  return { label: name, kind: 'variable', insertText: name, detail: 'the event payload', ...replace };
}

function prefixes(analysis: FilterAnalysis, replace: { offset: number; length: number }): FilterCompletion[] {
  return analysis.document.namespaces.map((d) => ({
    label: `${d.prefix}:`,
    kind: 'prefix',
    insertText: `${d.prefix}:`,
    detail: d.uri,
    retrigger: true,
    ...replace,
  }));
}

/** The elements (or attributes) under what `base` selects in the target event's sample payload. */
function childSteps(
  analysis: FilterAnalysis,
  base: string,
  attributes: boolean,
  replace: { offset: number; length: number },
): FilterCompletion[] {
  const { event, document } = analysis;
  const byUri = new Map(document.namespaces.map((d) => [d.uri, d.prefix]));
  const nodes = event?.sample && base.startsWith(`$${EVENT_PAYLOAD}`) ? select(analysis, base) : undefined;
  if (!nodes) {
    return attributes ? [] : prefixes(analysis, replace);
  }
  const seen = new Map<string, FilterCompletion>();
  for (const node of nodes) {
    const children = attributes ? node.attributes : node.children.filter((c) => c.kind === 'element');
    for (const child of children) {
      const uri = child.namespaceUri;
      const prefix = uri ? byUri.get(uri) : '';
      if (prefix === undefined) {
        continue; // In a namespace the filter has not declared: no name for it could match.
      }
      const name = `${attributes ? '@' : ''}${prefix ? `${prefix}:` : ''}${child.localName}`;
      const value = attributes ? child.stringValue : leafValue(child);
      seen.set(name, {
        label: name,
        kind: attributes ? 'attribute' : 'element',
        insertText: name,
        detail: value !== undefined ? `sample: ${value}` : uri,
        ...replace,
      });
    }
  }
  return [...seen.values()];
}

// A sample is built and parsed once per event, not at every completion request.
const samples = new WeakMap<FusionEvent, PayloadTree | { error: string }>();

function select(analysis: FilterAnalysis, base: string): readonly XNode[] | undefined {
  const event = analysis.event!;
  let sample = samples.get(event);
  if (!sample) {
    sample = parsePayloadTree(buildFusionEventPayload(event));
    samples.set(event, sample);
  }
  if ('error' in sample) {
    return undefined;
  }
  try {
    const namespaces = Object.fromEntries(analysis.document.namespaces.map((d) => [d.prefix, d.uri]));
    const value = evaluateXPath(base, sample, namespaces);
    return value.type === 'node-set' ? value.nodes : undefined;
  } catch {
    // What is typed so far is not yet a path: no suggestions from the sample.
    return undefined;
  }
}

function leafValue(element: XNode): string | undefined {
  const children = element.children;
  return children.length && children.every((c) => c.kind === 'text') ? element.stringValue : undefined;
}
