import { byDistance, editDistance } from '../condition/editDistance';
import { argumentFindings } from './argumentFindings';
import { eventNamespaces, findEvent, FusionEvent } from '../fusion/fusionEvents';
import { referenceCatalog } from '../fusion/referenceCatalog';
import { Fix } from '../text/findings';
import { declarationText, FilterDocument, NamespaceDeclaration, readFilterDocument } from './filterDocument';
import { XPATH1_FUNCTIONS, XPATH2_FUNCTIONS } from './functions';
import { parseExpression } from './parser';
import { ParsedExpression, Span } from './parsedExpression';
import { XPathFinding, xpathFinding } from './xpathFindings';

/** The variable OIC binds to the event payload. */
export const EVENT_PAYLOAD = 'eventPayload';

export interface FilterAnalysis {
  readonly document: FilterDocument;
  readonly parsed: ParsedExpression;
  /** The target event, when the file names one the catalog knows. */
  readonly event?: FusionEvent;
  readonly findings: readonly XPathFinding[];
}

/** What 1.0 offers instead of a 2.0 function people reach for. */
const INSTEAD: Record<string, string> = {
  'upper-case': 'translate(s, "abc…", "ABC…")',
  'lower-case': 'translate(s, "ABC…", "abc…")',
  'ends-with': 'substring(s, string-length(s) - string-length(t) + 1) = t',
  matches: 'contains() or starts-with()',
  exists: 'boolean(path)',
  empty: 'not(path)',
};

/** Checks a filter file as OIC would run it, with Fusion's namespaces in mind. */
export function analyzeFilter(text: string, events: readonly FusionEvent[] = referenceCatalog()): FilterAnalysis {
  const document = readFilterDocument(text);
  const parsed = parseExpression(document.expression);
  const at = (span: Span): Span => ({
    start: document.toDocumentOffset(span.start),
    end: document.toDocumentOffset(span.end),
  });
  const findings: XPathFinding[] = [];
  if (document.xmlProblem) {
    const { message, range, replacement } = document.xmlProblem;
    findings.push(
      xpathFinding(
        'xml-malformed',
        `The <xpathExpr> XML is not well formed: ${message}.`,
        range,
        replacement
          ? [{ title: `Write ${replacement}`, edits: [{ offset: range.start, length: 1, newText: replacement }] }]
          : [],
      ),
    );
  }
  const event = document.event ? findEvent(events, document.event.name) : undefined;
  if (document.event && !event) {
    findings.push(
      xpathFinding(
        'unknown-event',
        `${document.event.name} is not in the reference catalog, so the namespaces are not checked against it.`,
        document.event.range,
      ),
    );
  }
  const problem = parsed.problem;
  if (problem) {
    findings.push(
      problem.xpath2
        ? xpathFinding('xpath2-syntax', xpath2Message(problem.message), at(problem))
        : xpathFinding(
            problem.tooDeep ? 'too-deep' : 'xpath-syntax',
            problem.message,
            at(problem),
            syntaxFixes(problem.replacement, at(problem)),
          ),
    );
  }
  for (const comment of parsed.xpath2) {
    findings.push(xpathFinding('xpath2-syntax', xpath2Message(comment.message), at(comment)));
  }
  const declared = new Map(document.namespaces.map((d) => [d.prefix, d]));
  const eventUris = event ? eventNamespaces(event) : undefined;
  findings.push(...prefixFindings(document, parsed, declared, eventUris, at));
  findings.push(...functionFindings(parsed, at));
  if (parsed.tree) {
    findings.push(...argumentFindings(parsed.tree, document.expression, at));
  }
  findings.push(...variableFindings(document, parsed, at));
  if (eventUris) {
    findings.push(...namespaceFindings(document, eventUris));
  }
  return { document, parsed, event, findings: findings.sort((a, b) => a.offset - b.offset) };
}

/** A syntax problem's certain fix, at its range in the document, written as XML text must hold `<`. */
function syntaxFixes(replacement: string | undefined, range: Span): Fix[] {
  if (replacement === undefined) {
    return [];
  }
  return [
    {
      title: `Write ${replacement.trim()}`,
      edits: [{ offset: range.start, length: range.end - range.start, newText: replacement.replace(/</g, '&lt;') }],
    },
  ];
}

function xpath2Message(construct: string): string {
  return `XPath 2.0 syntax: ${construct} is not XPath 1.0, and OIC evaluates filters as XPath 1.0.`;
}

/**
 * For a prefix not declared, a fix per declared prefix that changes every use of it: a typo for a
 * declared prefix (ns1 for ns0) is likelier than a missing declaration. Prefixes bound to one of
 * the event's namespaces come first, as the ones the payload can match.
 */
function renameFixes(
  prefix: string,
  uses: readonly { readonly prefix?: string; readonly start: number }[],
  document: FilterDocument,
  eventUris: readonly string[] | undefined,
  at: (span: Span) => Span,
): Fix[] {
  const candidates = document.namespaces.filter((d) => d.prefix !== prefix);
  const ofEvent = candidates.filter((d) => eventUris?.includes(d.uri));
  const ordered = [...ofEvent, ...candidates.filter((d) => !ofEvent.includes(d))];
  const spans = uses
    .filter((u) => u.prefix === prefix)
    .map((u) => at({ start: u.start, end: u.start + prefix.length }));
  return ordered.map((declaration) => ({
    title: `Change '${prefix}' to '${declaration.prefix}'`,
    edits: spans.map((span) => ({ offset: span.start, length: span.end - span.start, newText: declaration.prefix })),
  }));
}

function prefixFindings(
  document: FilterDocument,
  parsed: ParsedExpression,
  declared: ReadonlyMap<string, NamespaceDeclaration>,
  eventUris: readonly string[] | undefined,
  at: (span: Span) => Span,
): XPathFinding[] {
  const findings: XPathFinding[] = [];
  const used = new Set<string>();
  const uses = [...parsed.nameTests, ...parsed.variables, ...parsed.functions];
  for (const use of uses) {
    if (!use.prefix) {
      continue;
    }
    used.add(use.prefix);
    // XML binds `xml` itself (as in @xml:lang); it needs no declaration.
    if (!declared.has(use.prefix) && use.prefix !== 'xml') {
      const range = at({ start: use.start, end: use.start + use.prefix.length });
      const fixes: Fix[] = [...renameFixes(use.prefix, uses, document, eventUris, at)];
      fixes.push(
        ...(eventUris ?? []).map((uri) => ({
          title: `Declare ${use.prefix} as ${uri}`,
          edits: [
            { offset: document.declarationOffset, length: 0, newText: declarationText(document, use.prefix!, uri) },
          ],
        })),
      );
      findings.push(
        xpathFinding(
          'unbound-prefix',
          `The prefix ${use.prefix} is not declared: declare it with xmlns:${use.prefix}="…" on <xpathExpr>. Left undeclared, a step may match anything or nothing.`,
          range,
          fixes,
        ),
      );
    }
  }
  // Past a syntax error the rest of the expression was not read: its prefixes may be used there.
  for (const declaration of parsed.problem ? [] : document.namespaces) {
    if (!used.has(declaration.prefix)) {
      findings.push(
        xpathFinding(
          'unused-prefix',
          `The prefix ${declaration.prefix} is declared but never used.`,
          declaration.range,
          [
            {
              title: `Remove the declaration of ${declaration.prefix}`,
              edits: [
                {
                  offset: declaration.removalRange.start,
                  length: declaration.removalRange.end - declaration.removalRange.start,
                  newText: '',
                },
              ],
            },
          ],
        ),
      );
    }
  }
  const usable = document.namespaces.filter((d) => !eventUris || eventUris.includes(d.uri));
  for (const test of parsed.nameTests) {
    if (test.prefix || test.local === '*' || test.nodeType !== 'element') {
      continue;
    }
    findings.push(
      xpathFinding(
        'unprefixed-step',
        `${test.local} has no prefix, so it matches only elements in no namespace: Fusion payloads are namespaced, so this step matches nothing. Write prefix:${test.local}.`,
        at(test),
        usable.map((d) => ({
          title: `Write ${d.prefix}:${test.local}`,
          edits: [{ offset: at(test).start, length: 0, newText: `${d.prefix}:` }],
        })),
      ),
    );
  }
  return findings;
}

function functionFindings(parsed: ParsedExpression, at: (span: Span) => Span): XPathFinding[] {
  const findings: XPathFinding[] = [];
  for (const call of parsed.functions) {
    const name = call.prefix ? `${call.prefix}:${call.local}` : call.local;
    const range = at({ start: call.start, end: call.start + name.length });
    if (!call.prefix && Object.hasOwn(XPATH1_FUNCTIONS, call.local)) {
      continue;
    }
    if (call.prefix === 'fn' || (!call.prefix && XPATH2_FUNCTIONS.has(call.local))) {
      const instead = INSTEAD[call.local];
      findings.push(
        xpathFinding(
          'xpath2-syntax',
          xpath2Message(`the function ${name}()`) + (instead ? ` In XPath 1.0, write ${instead}.` : ''),
          range,
        ),
      );
      continue;
    }
    const closest = Object.keys(XPATH1_FUNCTIONS)
      .map((known) => ({ known, distance: editDistance(call.local, known, 3) }))
      .filter((c) => c.distance <= 2)
      .sort((a, b) => a.distance - b.distance)[0]?.known;
    findings.push(
      xpathFinding(
        'unknown-function',
        `XPath 1.0 has no function ${name}().${closest ? ` Did you mean ${closest}()?` : ''}`,
        range,
        closest
          ? [{ title: `Change to ${closest}`, edits: [{ offset: range.start, length: name.length, newText: closest }] }]
          : [],
      ),
    );
  }
  return findings;
}

function variableFindings(
  document: FilterDocument,
  parsed: ParsedExpression,
  at: (span: Span) => Span,
): XPathFinding[] {
  const findings: XPathFinding[] = [];
  for (const variable of parsed.variables) {
    if (!variable.prefix && variable.local === EVENT_PAYLOAD) {
      continue;
    }
    const name = variable.prefix ? `${variable.prefix}:${variable.local}` : variable.local;
    findings.push(
      xpathFinding(
        'unbound-variable',
        `$${name} is not bound: OIC binds only $${EVENT_PAYLOAD}, the event payload.`,
        at(variable),
        [
          {
            title: `Change to $${EVENT_PAYLOAD}`,
            edits: [{ offset: at(variable).start, length: name.length + 1, newText: `$${EVENT_PAYLOAD}` }],
          },
        ],
      ),
    );
  }
  if (!parsed.problem && document.expression && !parsed.variables.some((v) => !v.prefix && v.local === EVENT_PAYLOAD)) {
    findings.push(
      xpathFinding(
        'no-event-payload',
        `The filter never reads $${EVENT_PAYLOAD}, so it does not look at the event: start its paths with $${EVENT_PAYLOAD}/.`,
        document.expressionRange,
      ),
    );
  }
  return findings;
}

/** Declared URIs the target event's payload does not use: the filter's steps then match nothing. */
function namespaceFindings(document: FilterDocument, eventUris: readonly string[]): XPathFinding[] {
  const findings: XPathFinding[] = [];
  for (const declaration of document.namespaces) {
    if (eventUris.includes(declaration.uri)) {
      continue;
    }
    // Past 16 edits the URIs are simply different; the catalogue's order ranks them then.
    const ranked = byDistance(declaration.uri, eventUris, 16).map((c) => c.candidate);
    const nearest = ranked[0];
    const slashOnly = nearest && nearest.replace(/\/$/, '') === declaration.uri.replace(/\/$/, '');
    findings.push(
      xpathFinding(
        'wrong-namespace',
        `The event's payload does not use ${declaration.uri}, so steps with ${declaration.prefix}: match nothing.` +
          (slashOnly
            ? ` It uses ${nearest}: the two differ only by the trailing slash.`
            : ` It uses ${eventUris.join(', ')}.`),
        declaration.uriRange,
        ranked.map((uri) => ({
          title: `Use ${uri}`,
          edits: [
            {
              offset: declaration.uriRange.start,
              length: declaration.uriRange.end - declaration.uriRange.start,
              newText: uri,
            },
          ],
        })),
      ),
    );
  }
  return findings;
}
