import { SendResult, SendTimings } from '../http/sendTypes';
import { strictUtf8 } from '../text/utf8';
import { SenderResponse } from './senderTypes';

/** A webview and its saved state hold this much of a body; the rest is summarised by its size. */
export const MAX_SHOWN_CHARS = 512 * 1024;

const PHASES: readonly [keyof SendTimings, string][] = [
  ['dns', 'DNS'],
  ['connect', 'Connect'],
  ['tls', 'TLS'],
  ['firstByte', 'First byte'],
  ['total', 'Total'],
];

export function senderResponse(result: SendResult): SenderResponse {
  const { text, kind } = prettyBody(result.body, contentTypeOf(result.headers));
  const cut = text.length > MAX_SHOWN_CHARS;
  return {
    status: result.status,
    statusText: result.statusText,
    timings: PHASES.filter(([key]) => result.timings[key] !== undefined).map(([key, phase]) => ({
      phase,
      ms: result.timings[key]!,
    })),
    headers: Object.entries(result.headers).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((one) => [name, one] as const),
    ),
    body: cut ? text.slice(0, MAX_SHOWN_CHARS) : text,
    bodyKind: kind,
    size: result.size,
    truncated: result.truncated,
    ...(result.announcedSize !== undefined ? { announcedSize: result.announcedSize } : {}),
    cutForDisplay: cut,
    url: result.url,
    redirects: result.redirects,
    viaProxy: result.viaProxy,
  };
}

/** JSON indented by two spaces; XML and other text as the server sent it. */
export function prettyBody(body: Buffer, contentType = ''): { text: string; kind: SenderResponse['bodyKind'] } {
  if (!body.length) {
    return { text: '', kind: 'empty' };
  }
  const text = strictUtf8(body);
  if (text === undefined) {
    return { text: `<${body.length} bytes of binary data>`, kind: 'binary' };
  }
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), kind: 'json' };
  } catch {
    // Not JSON: shown as it came.
  }
  return { text, kind: /xml/i.test(contentType) || /^\s*<\?xml|^\s*<[\w:-]+[\s>]/.test(text) ? 'xml' : 'text' };
}

function contentTypeOf(headers: SendResult['headers']): string {
  const value = headers['content-type'];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
