/**
 * Shape checks for the values a user types when creating a profile. Each returns a message
 * that says what is wrong and what is expected, or undefined when the value is acceptable.
 */

// ocid1.<type>.<realm>.[region].<unique id>; tenancies and users have an empty region part.
const OCID = (type: string) => new RegExp(`^ocid1\\.${type}\\.[a-z0-9]+\\.[a-z0-9-]*\\.[a-z0-9]{10,}$`);
const FINGERPRINT = /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/;
// us-ashburn-1, us-gov-ashburn-1, me-dcc-muscat-1, …
const REGION = /^[a-z]+(-[a-z]+)+-[0-9]+$/;

export function checkTenancyOcid(value: string): string | undefined {
  return checkOcid(value, 'tenancy');
}

export function checkUserOcid(value: string): string | undefined {
  return checkOcid(value, 'user');
}

function checkOcid(value: string, type: string): string | undefined {
  const v = value.trim();
  if (!v) {
    return `Enter the ${type} OCID (ocid1.${type}.oc1..aaaa…).`;
  }
  if (!v.startsWith(`ocid1.${type}.`)) {
    return `A ${type} OCID starts with "ocid1.${type}.": copy it from the OCI Console's ${type} details page.`;
  }
  return OCID(type).test(v) ? undefined : `This is not a complete ${type} OCID: expected ocid1.${type}.<realm>..<id>.`;
}

export function checkFingerprint(value: string): string | undefined {
  const v = value.trim();
  if (!v) {
    return 'Enter the API key fingerprint, 16 pairs of hex digits separated by ":".';
  }
  return FINGERPRINT.test(v.toLowerCase())
    ? undefined
    : 'A fingerprint is 16 pairs of hex digits separated by ":" (aa:bb:…), as the Console shows under API Keys.';
}

export function checkRegion(value: string): string | undefined {
  const v = value.trim();
  if (!v) {
    return 'Enter a region identifier such as us-ashburn-1.';
  }
  return REGION.test(v)
    ? undefined
    : `"${v}" is not a region identifier: use the lower-case form such as us-ashburn-1, not a display name.`;
}

export function checkProfileName(value: string, existing: ReadonlySet<string>): string | undefined {
  const v = value.trim();
  if (!v) {
    return 'Enter a profile name, such as DEFAULT.';
  }
  if (/[[\]\r\n]/.test(v)) {
    return 'A profile name cannot contain "[", "]" or a line break.';
  }
  return existing.has(v) ? `A profile named ${v} already exists in this file: choose another name.` : undefined;
}

export interface NewProfile {
  readonly name: string;
  readonly tenancy: string;
  readonly user: string;
  readonly fingerprint: string;
  readonly keyFile: string;
  readonly region: string;
}

/** The text of a new profile, to append to an existing file or to start a new one. */
export function renderProfile(profile: NewProfile, existingText = ''): string {
  const section = [
    `[${profile.name.trim()}]`,
    `user=${profile.user.trim()}`,
    `fingerprint=${profile.fingerprint.trim().toLowerCase()}`,
    `tenancy=${profile.tenancy.trim()}`,
    `region=${profile.region.trim()}`,
    `key_file=${profile.keyFile.trim()}`,
    '',
  ].join('\n');
  if (!existingText) {
    return section;
  }
  const separator = existingText.endsWith('\n\n') ? '' : existingText.endsWith('\n') ? '\n' : '\n\n';
  return existingText + separator + section;
}
