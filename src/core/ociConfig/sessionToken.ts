// A session token is a JWT; only its public claims are read here, and it is not verified:
// the service does that.
export function tokenExpiry(token: string): Date | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/** The exact command that renews a profile's session, for messages about an expired token. */
export function sessionRefreshCommand(profile: string): string {
  // Sent to a shell: a name with spaces or shell characters is quoted, so it stays one word.
  const quoted = /^[\w.-]+$/.test(profile) ? profile : `'${profile.replace(/'/g, `'\\''`)}'`;
  return `oci session refresh --profile ${quoted}`;
}
