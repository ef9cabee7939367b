import { isTooDeep } from '../json/jsonDepth';
import { strictUtf8 } from '../text/utf8';
import { InboxRecord } from './inboxRecord';
import { jsonBody, queryText } from './inboxSummary';

/**
 * A received request as a read-only document: the request line and headers as they came, then
 * the body. A JSON body is pretty-printed under the headers written as `//` comments, so the
 * document is JSON with comments and reads without errors; any other body follows a blank line
 * as plain text.
 */
export function inboxEntryText(record: InboxRecord): {
  readonly text: string;
  readonly language: 'jsonc' | 'plaintext';
} {
  const head = [
    `${record.method} ${record.path}${queryText(record.query)}`,
    ...Object.entries(record.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  const cut = record.bodyTruncated ? [`(the body of ${record.bodySize} bytes was cut at ${record.body.length})`] : [];
  const json = record.bodyTruncated ? undefined : jsonBody(record);
  // Pretty-printing recurses once per level: a body nested past the limit is shown as it came.
  if (json !== undefined && !isTooDeep(json)) {
    const comments = [...head, ...cut].map((line) => `// ${line}`);
    return { text: `${comments.join('\n')}\n\n${JSON.stringify(json, null, 2)}\n`, language: 'jsonc' };
  }
  const text = strictUtf8(record.body);
  const body =
    record.body.length === 0
      ? []
      : text === undefined
        ? [`(${record.body.length} bytes that are not UTF-8 text)`]
        : [text];
  return { text: [...head, '', ...cut, ...body].join('\n'), language: 'plaintext' };
}
