import * as path from 'path';
import { expandHome } from './expandHome';

export type ConfigSource = 'setting' | 'default' | 'environment' | 'legacy';

export interface ConfigCandidate {
  readonly path: string;
  readonly source: ConfigSource;
}

export interface LocateInput {
  readonly home: string;
  /** `oew.oci.configFile`; overrides every other place when set. */
  readonly setting?: string;
  /** `$OCI_CONFIG_FILE`. */
  readonly environment?: string;
}

/** The places the SDK looks, in its order: the first one that exists is used. */
export function configCandidates(input: LocateInput): ConfigCandidate[] {
  const setting = input.setting?.trim();
  if (setting) {
    return [{ path: expandHome(setting, input.home), source: 'setting' }];
  }
  const candidates: ConfigCandidate[] = [{ path: path.join(input.home, '.oci', 'config'), source: 'default' }];
  const environment = input.environment?.trim();
  if (environment) {
    candidates.push({ path: expandHome(environment, input.home), source: 'environment' });
  }
  candidates.push({ path: path.join(input.home, '.oraclebmc', 'config'), source: 'legacy' });
  return candidates;
}

export function locateConfig(
  input: LocateInput,
  isFile: (file: string) => boolean,
): { found?: ConfigCandidate; candidates: ConfigCandidate[] } {
  const candidates = configCandidates(input);
  return { found: candidates.find((c) => isFile(c.path)), candidates };
}
