import { UserError } from '../errors/userError';
import { AutoAnswerSwitches } from './autoAnswers';

/** What the inbox answers to a request that is not an auto-answered handshake. */
export interface InboxResponseConfig {
  /** Default 200. */
  readonly status: number;
  /** Default 0. Lets a user watch a platform's timeouts and retries. */
  readonly delayMs: number;
  /** Default empty: any platform takes an empty 2xx as delivered. */
  readonly body: string;
  /** Default application/json when `body` parses as JSON, else text/plain; absent for an empty body. */
  readonly contentType?: string;
}

export interface InboxSettings {
  readonly response: InboxResponseConfig;
  readonly autoAnswer: AutoAnswerSwitches;
  /** A base URL every request is also sent to, with its path and query appended. */
  readonly forwardTo?: string;
}

/** A change to the settings; what it leaves out stays. */
export interface InboxSettingsChange {
  readonly response?: Partial<InboxResponseConfig>;
  readonly autoAnswer?: Partial<AutoAnswerSwitches>;
  /** A base URL, or null to stop forwarding. */
  readonly forwardTo?: string | null;
}

export const DEFAULT_INBOX_SETTINGS: InboxSettings = {
  response: { status: 200, delayMs: 0, body: '' },
  autoAnswer: { onsConfirmation: true, cloudpods: true },
};

/** Beyond any platform's timeout that we know of; a guess at a useful ceiling, not a documented one. */
const MAX_DELAY_MS = 600_000;

/** The settings after `change`, checked; throws a UserError naming the bad value. */
export function changeSettings(current: InboxSettings, change: InboxSettingsChange): InboxSettings {
  const response = { ...current.response, ...change.response };
  const autoAnswer = { ...current.autoAnswer, ...change.autoAnswer };
  const forwardTo = change.forwardTo === undefined ? current.forwardTo : (change.forwardTo ?? undefined);
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599) {
    throw new UserError(`The inbox's response status ${response.status} is not one it can send.`, 'Use 200 to 599.');
  }
  if (!Number.isFinite(response.delayMs) || response.delayMs < 0 || response.delayMs > MAX_DELAY_MS) {
    throw new UserError(
      `The inbox's response delay ${response.delayMs} ms is out of range.`,
      `Use 0 to ${MAX_DELAY_MS} ms.`,
    );
  }
  if (response.contentType !== undefined && !/^[\t\x20-\x7e]+$/.test(response.contentType)) {
    throw new UserError(
      `The inbox's response content type "${response.contentType}" is not a valid header value.`,
      'Use a media type such as application/json.',
    );
  }
  if (forwardTo !== undefined && !isHttpUrl(forwardTo)) {
    throw new UserError(
      `The forward address "${forwardTo}" is not an http or https URL.`,
      'Use a base URL such as http://127.0.0.1:3000.',
    );
  }
  return { response, autoAnswer, ...(forwardTo === undefined ? {} : { forwardTo }) };
}

/** The configured response as bytes and headers, prepared once per change rather than per request. */
export interface PreparedResponse {
  readonly status: number;
  readonly delayMs: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export function prepareResponse(config: InboxResponseConfig): PreparedResponse {
  const body = Buffer.from(config.body, 'utf8');
  const contentType = config.contentType ?? (body.length > 0 ? guessContentType(config.body) : undefined);
  return {
    status: config.status,
    delayMs: config.delayMs,
    headers: { 'content-length': String(body.length), ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  };
}

function guessContentType(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
