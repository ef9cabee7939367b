/**
 * Which files may expand `{{env:NAME}}`. A file shared through git could otherwise read any
 * variable of the user's environment (a token, say) into a request sent anywhere; so each file
 * is approved once, for the names it used then, and a name added later asks again.
 */
export class EnvApprovals {
  private readonly approved: Map<string, Set<string>>;

  constructor(entries: Readonly<Record<string, readonly string[]>> = {}) {
    this.approved = new Map(Object.entries(entries).map(([file, names]) => [file, new Set(names)]));
  }

  /** The names `file` uses that the user has not approved for it. */
  missing(file: string, names: readonly string[]): string[] {
    const approved = this.approved.get(file);
    return names.filter((n) => !approved?.has(n));
  }

  approve(file: string, names: readonly string[]): void {
    const approved = this.approved.get(file) ?? new Set<string>();
    names.forEach((n) => approved.add(n));
    this.approved.set(file, approved);
  }

  revoke(file: string): void {
    this.approved.delete(file);
  }

  toJSON(): Record<string, string[]> {
    return Object.fromEntries([...this.approved].map(([file, names]) => [file, [...names].sort()]));
  }
}
