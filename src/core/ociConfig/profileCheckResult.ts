// Plain data, shared with the webview, so it imports nothing.

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface ProfileCheckResult {
  readonly label: string;
  readonly status: CheckStatus;
  /** Says what was found and, when it is not a pass, what to do. Never holds a secret. */
  readonly detail: string;
}
