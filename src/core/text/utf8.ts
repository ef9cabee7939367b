// `fatal` makes invalid bytes throw instead of becoming U+FFFD, and `ignoreBOM` keeps a BOM: either would alter the text.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text when they are valid UTF-8, byte for byte; undefined when they are not. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}
