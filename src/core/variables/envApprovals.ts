import { createHash } from 'crypto';

interface Approval {
  readonly digest: string;
  readonly names: ReadonlySet<string>;
}

/**
 * Which files may expand `{{env:NAME}}`. A file shared through git could otherwise read any
 * variable of the user's environment (a token, say) into a request sent anywhere; so a file is
 * approved for the names it uses and for its content as the user saw it. A name added later, or
 * any change to the file (a `git pull` that points the URL elsewhere), asks again.
 */
export class EnvApprovals {
  private readonly approved = new Map<string, Approval>();

  /** From `toJSON()`'s form; an entry of any other shape (a file edited by hand) approves nothing. */
  constructor(entries: unknown = {}) {
    if (entries === null || typeof entries !== 'object') {
      return;
    }
    for (const [file, entry] of Object.entries(entries as Record<string, unknown>)) {
      const { digest, names } = (entry ?? {}) as { digest?: unknown; names?: unknown };
      if (typeof digest === 'string' && Array.isArray(names) && names.every((n) => typeof n === 'string')) {
        this.approved.set(file, { digest, names: new Set(names) });
      }
    }
  }

  /** The names `text`, read from `file`, uses that the user has not approved for this content of it. */
  missing(file: string, text: string, names: readonly string[]): string[] {
    const approval = this.approved.get(file);
    const same = approval?.digest === digestOf(text);
    return names.filter((n) => !same || !approval?.names.has(n));
  }

  approve(file: string, text: string, names: readonly string[]): void {
    const approval = this.approved.get(file);
    const digest = digestOf(text);
    const kept = approval?.digest === digest ? [...approval.names] : [];
    this.approved.set(file, { digest, names: new Set([...kept, ...names]) });
  }

  toJSON(): Record<string, { digest: string; names: string[] }> {
    return Object.fromEntries(
      [...this.approved].map(([file, { digest, names }]) => [file, { digest, names: [...names].sort() }]),
    );
  }
}

function digestOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
