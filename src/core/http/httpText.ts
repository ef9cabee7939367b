import { strictUtf8 } from '../text/utf8';
import { OutgoingRequest } from './outgoingRequest';
import { sendableUrl } from './sendError';
import { SendResult } from './sendTypes';

/**
 * A request as HTTP/1.1 writes it: request line, Host, the headers in their order, the
 * Content-Length the sender adds, a blank line and the body. A body that is not UTF-8 text is
 * described by its size instead of being printed.
 */
export function requestText(request: OutgoingRequest): string {
  const url = sendableUrl(request.url);
  const headers = Object.entries(request.headers);
  const has = (name: string) => headers.some(([k]) => k.toLowerCase() === name);
  const body = request.body ?? Buffer.alloc(0);
  const lines = [
    `${request.method} ${url.pathname}${url.search} HTTP/1.1`,
    ...(has('host') ? [] : [`Host: ${url.host}`]),
    ...headers.map(([k, v]) => `${k}: ${v}`),
    ...(body.length && !has('content-length') ? [`Content-Length: ${body.length}`] : []),
  ];
  return `${lines.join('\n')}\n\n${bodyText(body)}`;
}

/** The status line and headers of a response, as curl -i shows them. */
export function responseHead(result: SendResult): string {
  const lines = [`HTTP/1.1 ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`];
  for (const [name, value] of Object.entries(result.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      lines.push(`${name}: ${one}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function bodyText(body: Buffer): string {
  return strictUtf8(body) ?? `<${body.length} bytes of binary data>`;
}

/** "dns 1.2 ms · connect 0.3 ms · tls 4.0 ms · first byte 9.1 ms · total 9.8 ms". */
export function timingsText(result: SendResult): string {
  const t = result.timings;
  const parts: [string, number | undefined][] = [
    ['dns', t.dns],
    ['connect', t.connect],
    ['tls', t.tls],
    ['first byte', t.firstByte],
    ['total', t.total],
  ];
  return parts
    .filter((p): p is [string, number] => p[1] !== undefined)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
    .join(' · ');
}
