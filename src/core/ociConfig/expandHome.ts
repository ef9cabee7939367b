/** Expands a leading `~/` (or `~\`) as the SDK does; `~user/` is left alone, as there. */
export function expandHome(file: string, home: string): string {
  return file.startsWith('~/') || file.startsWith('~\\') ? home + file.slice(1) : file;
}
