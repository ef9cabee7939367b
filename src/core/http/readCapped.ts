import { Readable } from 'stream';

/** Reads a body up to `max` bytes; past that it stops reading, so a huge response costs no more than the cap. */
export async function readCapped(
  body: Readable,
  max: number,
): Promise<{ body: Buffer; size: number; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size + chunk.length > max) {
      chunks.push(chunk.subarray(0, max - size));
      size = max;
      // Leaving the loop destroys the stream, which closes the connection instead of draining it.
      return { body: Buffer.concat(chunks, size), size, truncated: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { body: Buffer.concat(chunks, size), size, truncated: false };
}
