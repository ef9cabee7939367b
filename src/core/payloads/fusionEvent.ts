import { DOMParser, Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import { FusionEvent, parseQName } from '../fusion/fusionEvents';

/**
 * How the payload travels to OIC. Oracle does not document the delivery's headers; XML as text/xml
 * is a guess, shared by the emulator's deliveries and the webhook template.
 */
export const FUSION_EVENT_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'text/xml; charset=utf-8' };

/**
 * The payload OIC's ERP Cloud trigger receives for a Fusion business event: a summary payload
 * wrapped in an `onEvent` element (the shape of public examples: `<ns01:onEvent><ns0:…Info>`).
 * The `onEvent` element's own namespace is not documented; the event's QName namespace is used
 * here as a guess, which no filter depends on because $eventPayload is the element itself.
 */
export function buildFusionEventPayload(event: FusionEvent): string {
  const qname = parseQName(event.name);
  if (!qname) {
    throw new Error(`${event.name} is not a {namespace}LocalName event name.`);
  }
  const prefixes: Record<string, string> = { ns01: qname.namespace, ...(event.sample?.prefixes ?? {}) };
  const declarations = Object.entries(prefixes)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeAttribute(uri)}"`)
    .join('');
  const body = event.sample?.xml ?? `<ns01:${qname.local}/>`;
  const compact = `<ns01:onEvent${declarations}>${body}</ns01:onEvent>`;
  const doc = new DOMParser().parseFromString(compact, 'text/xml');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${indent(doc.documentElement!, '')}\n`;
}

/** Serialises an element with two-space indentation; an element holding only text stays on one line. */
function indent(element: XmlElement, pad: string): string {
  const attributes = Array.from(element.attributes)
    .map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`)
    .join('');
  const children = Array.from(element.childNodes);
  if (!children.length) {
    return `${pad}<${element.tagName}${attributes}/>`;
  }
  if (children.every((c) => c.nodeType === XmlNode.TEXT_NODE)) {
    return `${pad}<${element.tagName}${attributes}>${escapeText(element.textContent ?? '')}</${element.tagName}>`;
  }
  const inner = children
    .filter((c): c is XmlElement => c.nodeType === XmlNode.ELEMENT_NODE)
    .map((c) => indent(c, `${pad}  `))
    .join('\n');
  return `${pad}<${element.tagName}${attributes}>\n${inner}\n${pad}</${element.tagName}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
