/**
 * Parser for the OCI config file (`~/.oci/config`).
 *
 * It follows oci-common's `ConfigFileReader` rule for rule, because the SDK is what will
 * later read the same file to sign requests: a file this parser accepts must be one the
 * SDK accepts, with the same values. Unlike the SDK it keeps line numbers, so an error can
 * point at the line, and it never throws: a malformed file is a result, not an exception.
 */

export const DEFAULT_PROFILE = 'DEFAULT';

export interface ConfigEntry {
  readonly value: string;
  /** 1-based line of the last assignment, which is the one that wins. */
  readonly line: number;
}

export interface ConfigSection {
  readonly name: string;
  /** 1-based line of the first header; a repeated header merges into the same section. */
  readonly line: number;
  readonly entries: ReadonlyMap<string, ConfigEntry>;
}

export interface ConfigParseError {
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

export type ParsedConfig =
  | { readonly ok: true; readonly sections: ReadonlyMap<string, ConfigSection> }
  | { readonly ok: false; readonly error: ConfigParseError };

export function parseConfig(text: string): ParsedConfig {
  const sections = new Map<string, { name: string; line: number; entries: Map<string, ConfigEntry> }>();
  let current: { entries: Map<string, ConfigEntry> } | undefined;
  // The SDK splits on LF only and trims each line, which also drops a CR and a BOM.
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) {
      continue;
    }
    if (line.startsWith('[') && line.endsWith(']')) {
      const name = line.slice(1, -1).trim();
      if (!name) {
        return failure(lineNo, 'A profile header has no name: write it as [NAME].');
      }
      let section = sections.get(name);
      if (!section) {
        section = { name, line: lineNo, entries: new Map() };
        sections.set(name, section);
      }
      current = section;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) {
      return failure(lineNo, describeLineWithoutValue(line));
    }
    const key = line.slice(0, eq).trim();
    if (!key) {
      return failure(lineNo, 'This line has a value but no key: write it as key=value.');
    }
    if (!current) {
      return failure(lineNo, `"${key}" comes before any profile header: put a [DEFAULT] line above it.`);
    }
    current.entries.set(key, { value: line.slice(eq + 1).trim(), line: lineNo });
  }
  return { ok: true, sections };
}

function failure(line: number, message: string): ParsedConfig {
  return { ok: false, error: { line, message } };
}

function describeLineWithoutValue(line: string): string {
  if (line.startsWith(';')) {
    // Python's configparser (the OCI CLI) accepts ';' comments; the TypeScript SDK does not.
    return 'The OCI SDK for TypeScript accepts only "#" comments, not ";": start this line with "#".';
  }
  if (line.startsWith('[')) {
    return 'A profile header must be alone on its line, as [NAME], with nothing after the "]".';
  }
  return 'This line is not key=value, a [PROFILE] header or a "#" comment.';
}
