import { promises as fs, statSync } from 'fs';
import { ConfigCandidate, LocateInput, locateConfig } from './locateConfig';
import { ConfigParseError, parseConfig } from './parseConfig';
import { ResolvedProfile, resolveProfile } from './resolveProfile';

export type ConfigState =
  | { readonly kind: 'missing'; readonly candidates: readonly ConfigCandidate[] }
  | { readonly kind: 'unreadable'; readonly file: ConfigCandidate; readonly message: string }
  | { readonly kind: 'malformed'; readonly file: ConfigCandidate; readonly error: ConfigParseError }
  | { readonly kind: 'loaded'; readonly file: ConfigCandidate; readonly profiles: readonly ResolvedProfile[] };

// A real config file is a few KB; anything this large is the wrong file, and reading it
// whole would stall the view.
const MAX_CONFIG_BYTES = 1024 * 1024;

export async function loadConfig(input: LocateInput): Promise<ConfigState> {
  const { found, candidates } = locateConfig(input, isFile);
  if (!found) {
    return { kind: 'missing', candidates };
  }
  let text: string;
  try {
    const stat = await fs.stat(found.path);
    if (stat.size > MAX_CONFIG_BYTES) {
      return {
        kind: 'unreadable',
        file: found,
        message: `${found.path} is ${stat.size} bytes, too large to be an OCI config file: check oew.oci.configFile.`,
      };
    }
    text = await fs.readFile(found.path, 'utf8');
  } catch (err) {
    return { kind: 'unreadable', file: found, message: describeReadError(found.path, err) };
  }
  const parsed = parseConfig(text);
  if (!parsed.ok) {
    return { kind: 'malformed', file: found, error: parsed.error };
  }
  const profiles = [...parsed.sections.keys()].map((name) => resolveProfile(parsed.sections, name, input.home)!);
  return { kind: 'loaded', file: found, profiles };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function describeReadError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return `${file} cannot be read (permission denied): make it readable by your user, for example chmod 600.`;
  }
  return `${file} cannot be read (${code ?? String(err)}).`;
}
