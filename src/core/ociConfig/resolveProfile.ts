import { expandHome } from './expandHome';
import { ConfigSection, DEFAULT_PROFILE } from './parseConfig';

export type AuthType = 'apiKey' | 'sessionToken' | 'other';

/** Keys of a profile as the SDK reads them; missing keys fall back to [DEFAULT]. */
export interface ResolvedProfile {
  readonly name: string;
  /** 1-based line of the profile's header, for "open at profile". */
  readonly line: number;
  readonly tenancy?: string;
  readonly user?: string;
  readonly fingerprint?: string;
  /** With `~` expanded as the SDK does. */
  readonly keyFile?: string;
  readonly region?: string;
  readonly securityTokenFile?: string;
  /** Set for instance, resource or delegation-token principals. */
  readonly authenticationType?: string;
  readonly authType: AuthType;
}

export function resolveProfile(
  sections: ReadonlyMap<string, ConfigSection>,
  name: string,
  home: string,
): ResolvedProfile | undefined {
  const section = sections.get(name);
  if (!section) {
    return undefined;
  }
  const get = (key: string) => lookupKey(sections, name, key);
  const authenticationType = get('authentication_type') || undefined;
  const securityTokenFile = get('security_token_file') || undefined;
  const keyFile = get('key_file');
  return {
    name,
    line: section.line,
    tenancy: get('tenancy'),
    user: get('user'),
    fingerprint: get('fingerprint'),
    keyFile: keyFile === undefined ? undefined : expandHome(keyFile, home),
    region: get('region'),
    securityTokenFile: securityTokenFile && expandHome(securityTokenFile, home),
    authenticationType,
    authType: authenticationType ? 'other' : securityTokenFile ? 'sessionToken' : 'apiKey',
  };
}

/** A key's value in a profile, or in [DEFAULT] when the profile does not set it, as the SDK reads it. */
export function lookupKey(sections: ReadonlyMap<string, ConfigSection>, name: string, key: string): string | undefined {
  return sections.get(name)?.entries.get(key)?.value ?? sections.get(DEFAULT_PROFILE)?.entries.get(key)?.value;
}
