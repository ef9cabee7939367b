import type { UserError } from '../errors/userError';
import type { OutgoingRequest } from '../http/outgoingRequest';
import type { AutoAnswerSwitches } from './autoAnswers';
import type { ConfirmationOutcome, InboxEvent, InboxRecord } from './inboxRecord';
import type { ConnectionLimits } from './inboxLimits';
import type { InboxResponseConfig, InboxSettings, InboxSettingsChange } from './inboxSettings';

/** Sends forwards, replays and confirmation fetches: the project's HTTP sender, or a test's. */
export type InboxSend = (
  request: OutgoingRequest,
  options: { readonly signal: AbortSignal; readonly redirect?: 'manual' },
) => Promise<{ readonly status: number }>;

export interface InboxOptions {
  readonly send: InboxSend;
  /** 0, the default, takes any free port. */
  readonly port?: number;
  /** How many records are kept, newest; default 500 (see StorageLimits). */
  readonly capacity?: number;
  /** Body bytes kept per record; the rest is read and dropped. Default 1 MB. */
  readonly maxBodyBytes?: number;
  /** Body bytes kept in all, newest records first; default 64 MB. */
  readonly maxTotalBodyBytes?: number;
  /** The connection cap and timeouts; see ConnectionLimits for the defaults. */
  readonly connections?: Partial<ConnectionLimits>;
  /** A folder to keep the records in across restarts; in memory only without it. */
  readonly storageDir?: string;
  readonly response?: Partial<InboxResponseConfig>;
  readonly autoAnswer?: Partial<AutoAnswerSwitches>;
  readonly forwardTo?: string;
  /**
   * Told of listeners that throw, damaged lines skipped in the records file, and connections
   * closed for the cap or a timeout; the inbox keeps serving either way.
   */
  readonly onError?: (error: unknown) => void;
  /** Told when requests could not be saved (the first failure of a run of them); onError without it. */
  readonly onSaveFailed?: (error: UserError) => void;
}

export interface Inbox {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  readonly settings: InboxSettings;
  /** Oldest first. */
  records(): InboxRecord[];
  get(id: string): InboxRecord | undefined;
  clear(): void;
  /** Called synchronously on the request path: a listener must be quick and hand heavy work off. */
  onRecord(listener: (event: InboxEvent) => void): { dispose(): void };
  /** Takes effect from the next request; throws a UserError for a bad value. */
  configure(change: InboxSettingsChange): InboxSettings;
  /** Fetches a record's ONS ConfirmationURL, whatever its host: call it once the user agreed. */
  confirm(id: string): Promise<ConfirmationOutcome>;
  /** Sends the recorded request to `url` as it came: method, headers (less per-hop ones) and body. */
  replay(id: string, url: string): Promise<{ readonly status: number }>;
  /** Stops listening, drops open connections and writes the records still pending. */
  close(): Promise<void>;
}

/** Starts a webhook inbox on 127.0.0.1; a sender elsewhere reaches it through a tunnel. Throws a UserError for a bad option. */
