/**
 * Which platform handshake the inbox answered by itself: at once, 200, empty body, whatever
 * response was configured, since a platform drops a subscription or robot whose handshake fails.
 */
export type AutoAnswerKind = 'ons-confirmation' | 'cloudpods-validate' | 'cloudpods-verify';

export interface InboxResponseInfo {
  readonly status: number;
  /** Set when the status is the handshake's 200 rather than the configured one. */
  readonly autoAnswer?: AutoAnswerKind;
}

/**
 * The ONS subscription confirmation of a record: `pending` while its ConfirmationURL is being
 * fetched, `needs-approval` when its host is not trusted and the user must agree first
 * (`Inbox.confirm`), then `confirmed` (a 2xx) or `failed`.
 */
export type ConfirmationOutcome =
  | { readonly url: string; readonly outcome: 'pending' | 'needs-approval' }
  | { readonly url: string; readonly outcome: 'confirmed'; readonly status: number }
  | { readonly url: string; readonly outcome: 'failed'; readonly status?: number; readonly error: string };

/** What the forward target answered, or why it could not be reached. */
export type ForwardOutcome =
  { readonly url: string; readonly status: number } | { readonly url: string; readonly error: string };

/** One request the inbox received. */
export interface InboxRecord {
  readonly id: string;
  /** Increases with each record, across restarts on the same storage folder. */
  readonly seq: number;
  /** When the request arrived, ISO 8601. */
  readonly time: string;
  readonly method: string;
  /** The path as sent, without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Lower-case names; a repeated header's values joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** At most the inbox's `maxBodyBytes`. */
  readonly body: Buffer;
  /** The whole body's size in bytes, also when `body` was cut. */
  readonly bodySize: number;
  readonly bodyTruncated: boolean;
  readonly response: InboxResponseInfo;
  readonly confirmation?: ConfirmationOutcome;
  readonly forward?: ForwardOutcome;
}

/**
 * What `Inbox.onRecord` listeners get: `added` for each new record, `updated` when a record's
 * confirmation or forward outcome changes (the same record object, changed), `cleared` after
 * `Inbox.clear()`.
 */
export type InboxEvent =
  | { readonly kind: 'added'; readonly record: InboxRecord }
  | { readonly kind: 'updated'; readonly record: InboxRecord }
  | { readonly kind: 'cleared' };
