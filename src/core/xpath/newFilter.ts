import { DOMParser, Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import { eventNamespaces, FusionEvent } from '../fusion/fusionEvents';
import { buildFusionEventPayload } from '../payloads/fusionEvent';
import { EVENT_PAYLOAD } from './analyzeFilter';

/**
 * A new filter file for an event: the event named in an `oew:event` comment, and an example
 * expression that matches the event's sample payload, on its first field, with exactly the
 * namespaces that path uses declared. Returns where the expression starts, to put the cursor.
 */
export function newFilterText(event: FusionEvent): { text: string; expressionOffset: number } {
  const prefixes = event.sample?.prefixes ?? {};
  const byUri = new Map(Object.entries(prefixes).map(([prefix, uri]) => [uri, prefix]));
  const root = new DOMParser().parseFromString(buildFusionEventPayload(event), 'text/xml').documentElement!;
  const steps: string[] = [];
  const used = new Set<string>();
  let value: string | undefined;
  for (let element = firstChildElement(root); element; element = firstChildElement(element)) {
    const prefix = byUri.get(element.namespaceURI ?? '');
    if (prefix === undefined) {
      break;
    }
    used.add(prefix);
    steps.push(`${prefix}:${element.localName}`);
    const children = Array.from(element.childNodes);
    if (!children.some((c) => c.nodeType === XmlNode.ELEMENT_NODE)) {
      const attribute = element.getAttribute('value');
      value = attribute ?? element.textContent ?? '';
      if (attribute !== null) {
        steps.push('@value');
      }
      break;
    }
  }
  const expression =
    steps.length && value !== undefined
      ? `$${EVENT_PAYLOAD}/${steps.join('/')} = ${xpathLiteral(value)}`
      : `boolean($${EVENT_PAYLOAD})`;
  // Without a sample to draw an example from, every namespace of the event is declared for the user to use.
  const declared = steps.length
    ? [...used].map((p) => [p, prefixes[p]] as const)
    : eventNamespaces(event).map((uri, i) => [`ns${i}`, uri] as const);
  const declarations = declared.map(([p, uri]) => `\n    xmlns:${p}="${uri}"`).join('');
  const note = steps.length
    ? 'the example below matches the sample payload; edit it.'
    : 'its namespaces are declared; write the filter with them.';
  // The expression on a line of its own, as OIC shows it; the white space around it is not part of it.
  const head = `<!-- oew:event ${event.name} -->\n<!-- ${event.displayName}: ${note} -->\n<xpathExpr${declarations}>\n`;
  return { text: `${head}${expression}\n</xpathExpr>\n`, expressionOffset: head.length };
}

function firstChildElement(element: XmlElement): XmlElement | undefined {
  return Array.from(element.childNodes).find((c): c is XmlElement => c.nodeType === XmlNode.ELEMENT_NODE);
}

/** An XPath 1.0 string literal for `value`, XML-escaped for the element's text. */
function xpathLiteral(value: string): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // XPath 1.0 has no escape inside a literal: the other quote delimits it.
  return value.includes('"') ? `'${escaped}'` : `"${escaped}"`;
}
