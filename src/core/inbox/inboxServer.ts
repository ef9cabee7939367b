import { randomUUID } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { UserError } from '../errors/userError';
import { redactUrl } from '../http/redact';
import { isLoopback } from '../net/isLoopback';
import { detectAutoAnswer, isOnsConfirmation, onsConfirmationUrl } from './autoAnswers';
import { confirmationUrlIsTrusted } from './confirmationHost';
import { guardConnections } from './connectionGuard';
import { ConfirmationOutcome, ForwardOutcome, InboxEvent, InboxRecord } from './inboxRecord';
import {
  changeSettings,
  DEFAULT_INBOX_SETTINGS,
  InboxSettings,
  InboxSettingsChange,
  PreparedResponse,
  prepareResponse,
} from './inboxSettings';
import { connectionLimits, ConnectionLimits, storageLimits } from './inboxLimits';
import { InboxStore } from './inboxStore';
import { KeptRecords } from './keptRecords';
import { forwardUrl, resendRequest } from './resendRequest';
import { headerRecord, queryRecord } from './requestRecord';
import { Inbox, InboxOptions, InboxSend } from './inboxTypes';

/**
 * Confirmation fetches at once. Anyone who reaches the inbox (through a tunnel, say) can post
 * confirmations; past this many in flight, a new one waits for the user as an untrusted one does.
 */
const MAX_CONFIRMATIONS_IN_FLIGHT = 4;

export async function startInbox(options: InboxOptions): Promise<Inbox> {
  const settings = changeSettings(DEFAULT_INBOX_SETTINGS, {
    response: options.response,
    autoAnswer: options.autoAnswer,
    forwardTo: options.forwardTo,
  });
  const limits = storageLimits(options);
  const connections = connectionLimits(options.connections ?? {});
  const onError = options.onError ?? ignore;
  const records = new KeptRecords(limits);
  const opened = options.storageDir
    ? await InboxStore.open(options.storageDir, limits, records, options.onSaveFailed ?? onError)
    : undefined;
  if (opened && opened.skipped > 0) {
    onError(
      new UserError(
        `The inbox skipped ${opened.skipped} damaged line(s) of ${opened.file} and loaded the ${opened.loaded} other request(s).`,
        'Nothing to do: the damaged lines go at its next write.',
      ),
    );
  }
  const inbox = new InboxServer(options.send, records, limits.maxBodyBytes, settings, opened?.store, onError);
  inbox.restore(opened?.lastSeq ?? 0);
  await inbox.listen(options.port ?? 0, connections);
  return inbox;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const EMPTY_BODY = Buffer.alloc(0);
/** A handshake gets 200 at once with an empty body: a delay or an error body would defeat it. */
const AUTO_ANSWER: PreparedResponse = { status: 200, delayMs: 0, headers: { 'content-length': '0' }, body: EMPTY_BODY };

class InboxServer implements Inbox {
  url = '';
  port = 0;
  private readonly server: http.Server;
  private readonly listeners = new Set<(event: InboxEvent) => void>();
  private readonly delayed = new Set<NodeJS.Timeout>();
  private prepared: PreparedResponse;
  private seq = 0;
  private closing: Promise<void> | undefined;
  /** Aborts forwards, replays and confirmation fetches still running when the inbox closes. */
  private readonly outgoing = new AbortController();
  private confirmationsInFlight = 0;
  private guard: { dispose(): void } | undefined;

  constructor(
    private readonly send: InboxSend,
    private readonly kept: KeptRecords,
    private readonly maxBodyBytes: number,
    private current: InboxSettings,
    private readonly store: InboxStore | undefined,
    private readonly onError: (error: unknown) => void,
  ) {
    this.prepared = prepareResponse(current.response);
    // Timeouts are checked this often; Node's 30 s default would let a 10 s one run to 40 s.
    this.server = http.createServer({ connectionsCheckingInterval: 1_000 }, this.handle);
  }

  get settings(): InboxSettings {
    return this.current;
  }

  /** Numbers on from the records of the last run. */
  restore(lastSeq: number): void {
    this.seq = lastSeq;
  }

  async listen(port: number, limits: ConnectionLimits): Promise<void> {
    this.guard = guardConnections(this.server, limits, this.onError);
    await new Promise<void>((resolve, reject) => {
      const fail = (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE'
            ? new UserError(`Port ${port} of 127.0.0.1 is in use.`, 'Choose another port, or 0 for any free one.')
            : err,
        );
      this.server.once('error', fail);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', fail);
        resolve();
      });
    });
    this.server.on('error', this.onError);
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
    try {
      this.checkForwardTarget(this.current);
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  records(): InboxRecord[] {
    return [...this.kept.all()];
  }

  get(id: string): InboxRecord | undefined {
    return this.kept.get(id);
  }

  clear(): void {
    this.kept.clear();
    this.store?.clear();
    this.emit({ kind: 'cleared' });
  }

  onRecord(listener: (event: InboxEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  configure(change: InboxSettingsChange): InboxSettings {
    const next = changeSettings(this.current, change);
    this.checkForwardTarget(next);
    this.prepared = prepareResponse(next.response);
    this.current = next;
    return next;
  }

  async confirm(id: string): Promise<ConfirmationOutcome> {
    const record = this.require(id);
    const url =
      record.confirmation?.url ||
      (isOnsConfirmation(record.headers) ? onsConfirmationUrl(record.headers, record.body) : undefined);
    if (!url) {
      throw new UserError(
        'This request is not an ONS subscription confirmation with a ConfirmationURL.',
        'Pick a request whose X-OCI-NS-MessageType is SubscriptionConfirmation.',
      );
    }
    if (!/^https?:\/\//i.test(url)) {
      throw new UserError(`The ConfirmationURL ${url} is not an http or https URL.`, 'Confirm it from the console.');
    }
    this.update(record, { confirmation: { url, outcome: 'pending' } });
    return this.fetchConfirmation(record, url);
  }

  async replay(id: string, url: string): Promise<{ readonly status: number }> {
    const record = this.require(id);
    if (record.bodyTruncated) {
      throw new UserError(
        `Not replayed: ${cutBodyMessage(record)}`,
        'Raise maxBodyBytes and have the request sent again.',
      );
    }
    return this.send(resendRequest(record, url), { signal: this.outgoing.signal });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.outgoing.abort();
      this.listeners.clear();
      this.delayed.forEach(clearTimeout);
      this.delayed.clear();
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
      this.guard?.dispose();
      await this.store?.close();
    })();
    return this.closing;
  }

  /** The hot path: no parsing beyond headers and query; the one write is the store's, shared by the requests waiting. */
  private readonly handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const arrived = Date.now();
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      const room = this.maxBodyBytes - kept;
      if (room > 0) {
        const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
        chunks.push(part);
        kept += part.length;
      }
    });
    req.on('end', () => {
      try {
        this.receive(req, res, arrived, kept === 0 ? EMPTY_BODY : Buffer.concat(chunks, kept), size);
      } catch (err) {
        this.onError(err);
        if (!res.headersSent) {
          reply(res, { ...AUTO_ANSWER, status: 500 });
        }
      }
    });
    // A request aborted mid-body is not recorded: it never arrived whole and no one waits for the answer.
    req.on('error', ignore);
  };

  private receive(req: http.IncomingMessage, res: http.ServerResponse, arrived: number, body: Buffer, size: number) {
    const target = req.url ?? '/';
    const queryStart = target.indexOf('?');
    const headers = headerRecord(req.rawHeaders);
    const settings = this.current;
    const prepared = this.prepared;
    const autoAnswer = detectAutoAnswer(headers, body, settings.autoAnswer);
    const record: Writable<InboxRecord> = {
      id: randomUUID(),
      seq: ++this.seq,
      time: new Date(arrived).toISOString(),
      method: req.method ?? 'GET',
      path: queryStart < 0 ? target : target.slice(0, queryStart),
      query: queryStart < 0 ? {} : queryRecord(target.slice(queryStart + 1)),
      headers,
      body,
      bodySize: size,
      bodyTruncated: size > body.length,
      response: autoAnswer ? { status: 200, autoAnswer } : { status: prepared.status },
    };
    const confirmationUrl = autoAnswer === 'ons-confirmation' ? onsConfirmationUrl(headers, body) : undefined;
    if (autoAnswer === 'ons-confirmation') {
      record.confirmation = !confirmationUrl
        ? {
            url: '',
            outcome: 'failed',
            error: 'The confirmation has no X-OCI-NS-ConfirmationURL header and no ConfirmationURL in its body.',
          }
        : {
            url: confirmationUrl,
            outcome:
              confirmationUrlIsTrusted(confirmationUrl) && this.confirmationsInFlight < MAX_CONFIRMATIONS_IN_FLIGHT
                ? 'pending'
                : 'needs-approval',
          };
    }
    this.kept.add(record);
    const saved = this.store?.save(record);
    this.emit({ kind: 'added', record });

    // The answer waits for the record's write: a sender told "received" must find it after a crash.
    const answer = () => {
      if (autoAnswer) {
        reply(res, AUTO_ANSWER);
      } else if (prepared.delayMs > 0) {
        const timer = setTimeout(() => {
          this.delayed.delete(timer);
          reply(res, prepared);
        }, prepared.delayMs);
        this.delayed.add(timer);
      } else {
        reply(res, prepared);
      }
    };
    if (saved) {
      void saved.then(answer);
    } else {
      answer();
    }

    if (confirmationUrl && record.confirmation?.outcome === 'pending') {
      void this.fetchConfirmation(record, confirmationUrl);
    }
    if (settings.forwardTo !== undefined) {
      void this.forward(record, forwardUrl(settings.forwardTo, target));
    }
  }

  private async fetchConfirmation(record: InboxRecord, url: string): Promise<ConfirmationOutcome> {
    let outcome: ConfirmationOutcome;
    this.confirmationsInFlight++;
    try {
      // Not following redirects: a trusted host's 3xx must not lead this machine to an untrusted one.
      const { status } = await this.send(
        { method: 'GET', url, headers: {} },
        { signal: this.outgoing.signal, redirect: 'manual' },
      );
      outcome =
        status >= 200 && status < 300
          ? { url, outcome: 'confirmed', status }
          : { url, outcome: 'failed', status, error: `The ConfirmationURL answered ${status}.` };
    } catch (err) {
      outcome = { url, outcome: 'failed', error: errorMessage(err) };
    } finally {
      this.confirmationsInFlight--;
    }
    this.update(record, { confirmation: outcome });
    return outcome;
  }

  private async forward(record: InboxRecord, url: string): Promise<void> {
    let outcome: ForwardOutcome;
    if (record.bodyTruncated) {
      // Forwarding the cut body would hand the target a request the sender never made.
      outcome = { url: redactUrl(url), error: `Not forwarded: ${cutBodyMessage(record)}` };
    } else {
      try {
        const { status } = await this.send(resendRequest(record, url), { signal: this.outgoing.signal });
        outcome = { url: redactUrl(url), status };
      } catch (err) {
        outcome = { url: redactUrl(url), error: errorMessage(err) };
      }
    }
    this.update(record, { forward: outcome });
  }

  /** A record cleared or dropped meanwhile stays so: saving it would bring it back at the next start. */
  private update(record: InboxRecord, change: Partial<Writable<InboxRecord>>): void {
    Object.assign(record as Writable<InboxRecord>, change);
    if (this.kept.has(record)) {
      void this.store?.save(record);
      this.emit({ kind: 'updated', record });
    }
  }

  private emit(event: InboxEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.onError(err);
      }
    }
  }

  private require(id: string): InboxRecord {
    const record = this.kept.get(id);
    if (!record) {
      throw new UserError(`The inbox has no request ${id}.`, 'It was cleared or pushed out by newer ones.');
    }
    return record;
  }

  /** Forwarding to the inbox itself would record and forward each request forever. */
  private checkForwardTarget(settings: InboxSettings): void {
    const target = settings.forwardTo;
    if (target === undefined || this.port === 0 || !isLoopback(target)) {
      return;
    }
    const { port, protocol } = new URL(target);
    if ((port || (protocol === 'https:' ? '443' : '80')) === String(this.port)) {
      throw new UserError(`The inbox cannot forward to itself (${target}).`, 'Forward to the service under test.');
    }
  }
}

function reply(res: http.ServerResponse, prepared: PreparedResponse): void {
  if (!res.destroyed) {
    // Without a body, end() gets no chunk: the headers then go out in one write rather than a writev.
    res.writeHead(prepared.status, prepared.headers).end(prepared.body.length > 0 ? prepared.body : undefined);
  }
}

function cutBodyMessage(record: InboxRecord): string {
  return `the body of ${record.bodySize} bytes was cut at ${record.body.length}.`;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function ignore(): void {}
