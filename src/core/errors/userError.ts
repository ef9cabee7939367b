/**
 * An error whose message a user can act on: what went wrong, then what to do next.
 * Messages never carry secrets; callers put paths and names in them, never values read
 * from key files or pass phrases.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly nextStep: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
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
  const errno = err as NodeJS.ErrnoException & { address?: string; port?: number };
  const network =
    errno && typeof errno.code === 'string' && errno.path === undefined ? NETWORK_CODES[errno.code] : undefined;
  if (network) {
    const where =
      errno.port !== undefined ? `Port ${errno.port}${errno.address ? ` on ${errno.address}` : ''}` : 'The port';
    return { cause: `${where} ${network.cause}.`, nextStep: network.nextStep };
  }
  if (errno && typeof errno.code === 'string' && typeof errno.path === 'string') {
    const what = FS_CODES[errno.code] ?? errno.code;
    return { cause: `${errno.path}: ${what}.`, nextStep: 'Check the path and its permissions, then try again.' };
  }
  if (err instanceof RangeError && /call stack/.test(err.message)) {
    // A recursion over the user's data that its depth limit missed: still the input, not a crash.
    return {
      cause: 'The input nests too deeply to be read.',
      nextStep: 'Flatten it: real conditions, rules, filters and payloads nest a few levels.',
    };
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
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'exists, and is not a folder',
  EROFS: 'on a read-only file system',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'a name in the path is too long',
};

const NETWORK_CODES: Record<string, { cause: string; nextStep: string }> = {
  EADDRINUSE: {
    cause: 'is already in use',
    nextStep: 'Stop what listens there, or choose another port (0 picks a free one).',
  },
  EADDRNOTAVAIL: { cause: 'cannot be bound on this machine', nextStep: 'Use 127.0.0.1 or another local address.' },
  EACCES: { cause: 'needs privileges this process does not have', nextStep: 'Use a port above 1023.' },
  ERR_SOCKET_BAD_PORT: { cause: 'is out of range', nextStep: 'Use a port from 0 to 65535 (0 picks a free one).' },
};
