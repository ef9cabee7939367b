/**
 * An error whose message a user can act on: what went wrong, then what to do next.
 * Messages never carry secrets; callers put paths and names in them, never values read
 * from key files or pass phrases.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly nextStep: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Not `instanceof`: dist/oci.js is a bundle of its own with its own copy of this class, and
 * its errors must read the same as the extension's.
 */
export function isUserError(err: unknown): err is UserError {
  return err instanceof Error && err.name === 'UserError' && typeof (err as UserError).nextStep === 'string';
}

/** The one-line text shown to a user for any error a command throws. */
export function describeError(err: unknown): { cause: string; nextStep: string } {
  if (isUserError(err)) {
    return { cause: err.message, nextStep: err.nextStep };
  }
  const errno = err as NodeJS.ErrnoException;
  if (errno && typeof errno.code === 'string' && typeof errno.path === 'string') {
    const what = FS_CODES[errno.code] ?? errno.code;
    return { cause: `${errno.path}: ${what}.`, nextStep: 'Check the path and its permissions, then try again.' };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { cause: message || 'An unexpected error occurred.', nextStep: 'The log has the details.' };
}

const FS_CODES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOSPC: 'no space left on the disk',
};
