import { eventNamespaces } from '../fusion/fusionEvents';
import { EVENT_PAYLOAD, FilterAnalysis } from './analyzeFilter';
import { XPATH1_FUNCTIONS, XPATH2_FUNCTIONS } from './functions';

export interface FilterHover {
  /** Markdown. */
  readonly contents: string;
  readonly offset: number;
  readonly length: number;
}

/** What a prefix, a declaration, a function or $eventPayload at a document offset stands for. */
export function hoverFilter(analysis: FilterAnalysis, offset: number): FilterHover | undefined {
  const { document, parsed, event } = analysis;
  const eventUris = event ? eventNamespaces(event) : undefined;
  const uriNote = (uri: string) =>
    !eventUris
      ? ''
      : eventUris.includes(uri)
        ? `\n\nThe payload of ${event!.displayName} uses this namespace.`
        : `\n\n**The payload of ${event!.displayName} does not use this namespace**, so steps with this prefix match nothing.`;
  for (const declaration of document.namespaces) {
    if (offset >= declaration.range.start && offset < declaration.range.end) {
      return {
        contents: `\`${declaration.prefix}\` → \`${declaration.uri}\`${uriNote(declaration.uri)}`,
        offset: declaration.range.start,
        length: declaration.range.end - declaration.range.start,
      };
    }
  }
  const token = parsed.tokens.find(
    (t) => document.toDocumentOffset(t.start) <= offset && offset < document.toDocumentOffset(t.end),
  );
  if (!token) {
    return undefined;
  }
  const start = document.toDocumentOffset(token.start);
  const length = document.toDocumentOffset(token.end) - start;
  if (token.kind === 'variable' && token.text === `$${EVENT_PAYLOAD}`) {
    return {
      contents: `\`$${EVENT_PAYLOAD}\`: the event payload, bound to its \`onEvent\` element, whose children are the summary (such as \`result\` or an \`…Info\` element).`,
      offset: start,
      length,
    };
  }
  if (token.kind !== 'name') {
    return undefined;
  }
  const call = parsed.functions.find((f) => f.start === token.start);
  if (call) {
    const signature =
      !call.prefix && Object.hasOwn(XPATH1_FUNCTIONS, call.local) ? XPATH1_FUNCTIONS[call.local] : undefined;
    const contents = signature
      ? `\`${signature}\` (XPath 1.0)`
      : XPATH2_FUNCTIONS.has(call.local)
        ? `\`${call.local}()\` is an XPath 2.0 function; OIC evaluates filters as XPath 1.0.`
        : `XPath 1.0 has no function \`${token.text}()\`.`;
    return { contents, offset: start, length };
  }
  if (token.prefix) {
    const declaration = document.namespaces.find((d) => d.prefix === token.prefix);
    return {
      contents: declaration
        ? `\`${token.prefix}:${token.local}\`: \`${token.local}\` in \`${declaration.uri}\`${uriNote(declaration.uri)}`
        : `The prefix \`${token.prefix}\` is not declared.`,
      offset: start,
      length,
    };
  }
  return undefined;
}
