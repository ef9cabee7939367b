/** ons.md (the SDK's publishMessage comment): a message is at most 64 KB. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * Why ONS would refuse to publish this message, or undefined. The body is required. Which
 * bytes count toward the 64 KB is not documented; title and body together, in UTF-8, is the
 * cautious reading (a guess).
 */
export function checkMessage(title: string, body: string): string | undefined {
  if (!body) {
    return 'A message needs a body.';
  }
  const size = Buffer.byteLength(title, 'utf8') + Buffer.byteLength(body, 'utf8');
  if (size > MAX_MESSAGE_BYTES) {
    return `The message is ${formatKb(size)}; ONS takes at most 64 KB (${MAX_MESSAGE_BYTES} bytes) per message.`;
  }
  return undefined;
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;
}
