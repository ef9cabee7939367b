import { promises as fs } from 'fs';
import * as path from 'path';
import { ConfirmationOutcome, ForwardOutcome, InboxRecord, InboxResponseInfo } from './inboxRecord';
import { isJsonObject } from '../json/isJsonObject';

export const RECORDS_FILE = 'records.jsonl';
/** A batch is written this long after its first record, so a burst costs one write every 250 ms. */
const FLUSH_MS = 250;

export interface OpenedStore {
  readonly store: InboxStore;
  /** The newest `capacity` records of the file, oldest first. */
  readonly records: InboxRecord[];
  /** The highest seq in the file, 0 when empty, so new records continue after it. */
  readonly lastSeq: number;
}

/**
 * The inbox's records as a JSON-lines file, one record per line with its body in base64.
 * Appends are batched; a record saved again (a forward outcome arrived) is appended again and
 * the last line of an id wins on load. When the file holds more than twice `capacity` lines it
 * is rewritten with only the live records, so it stays bounded like the inbox.
 */
export class InboxStore {
  private readonly pending = new Map<string, InboxRecord>();
  private timer: NodeJS.Timeout | undefined;
  private flushQueued = false;
  private writes: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly capacity: number,
    private lines: number,
    private rewriteNeeded: boolean,
    private readonly live: () => readonly InboxRecord[],
    private readonly onError: (error: unknown) => void,
  ) {}

  /** `live` gives the records a rewrite keeps: the inbox's current ones. */
  static async open(
    dir: string,
    capacity: number,
    live: () => readonly InboxRecord[],
    onError: (error: unknown) => void,
  ): Promise<OpenedStore> {
    // Received requests carry other people's credentials (Authorization, X-Auth-Token): only the user may read them.
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, RECORDS_FILE);
    const text = await readIfPresent(file);
    const loaded = parseRecords(text, capacity);
    // A last line cut by a crash would swallow the next append, so such a file is rewritten.
    const rewriteNeeded = loaded.skipped > 0 || (text.length > 0 && !text.endsWith('\n'));
    const store = new InboxStore(file, capacity, loaded.lines, rewriteNeeded, live, onError);
    return { store, records: loaded.records, lastSeq: loaded.lastSeq };
  }

  /**
   * Writes `record` (new or changed) with the next batch; it is stringified then, not now. A
   * batch never holds more than `capacity` records: under a flood, older ones have already left
   * the inbox, and writing them would only be undone by the next rewrite.
   */
  save(record: InboxRecord): void {
    if (this.closed) {
      return;
    }
    this.pending.set(record.id, record);
    if (this.pending.size > this.capacity) {
      this.pending.delete(this.pending.keys().next().value!);
    }
    if (!this.timer && !this.flushQueued) {
      this.timer = setTimeout(() => this.requestFlush(), FLUSH_MS);
      // close() flushes; a pending batch alone should not keep a process alive.
      this.timer.unref();
    }
  }

  /** Empties the file at the next flush. */
  clear(): void {
    this.pending.clear();
    this.rewriteNeeded = true;
    this.requestFlush();
  }

  /** Writes what is pending; later saves are ignored. */
  async close(): Promise<void> {
    this.requestFlush();
    this.closed = true;
    await this.writes;
  }

  private requestFlush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.flushQueued) {
      return;
    }
    this.flushQueued = true;
    this.writes = this.writes.then(() => {
      this.flushQueued = false;
      return this.writeBatch();
    });
  }

  private async writeBatch(): Promise<void> {
    if (this.pending.size === 0 && !this.rewriteNeeded) {
      return;
    }
    const batch = [...this.pending.values()];
    this.pending.clear();
    try {
      if (this.rewriteNeeded || this.lines + batch.length > 2 * this.capacity || batch.length >= this.capacity) {
        this.rewriteNeeded = false;
        const live = this.live();
        await replaceFile(this.file, live.map(storedLine).join(''));
        this.lines = live.length;
      } else {
        const text = batch.map(storedLine).join('');
        await fs.appendFile(this.file, text, { mode: 0o600 });
        this.lines += batch.length;
      }
    } catch (err) {
      // The file may now lack this batch; the next flush rewrites it from the live records.
      this.rewriteNeeded = true;
      this.onError(err);
    }
  }
}

/**
 * Serialised at each write, never kept: keeping each line for the next rewrite measured no
 * faster (the retained strings cost garbage collection), and it doubled the memory of bodies.
 */
function storedLine(record: InboxRecord): string {
  const json = JSON.stringify({
    id: record.id,
    seq: record.seq,
    time: record.time,
    method: record.method,
    path: record.path,
    query: record.query,
    headers: record.headers,
    bodySize: record.bodySize,
    bodyTruncated: record.bodyTruncated,
    response: record.response,
    confirmation: record.confirmation,
    forward: record.forward,
    body: '',
  });
  // Base64 never needs escaping, so it goes in place of the empty body at the end rather than
  // through JSON.stringify, whose scan of it took half the time of a line.
  return `${json.slice(0, -3)}"${record.body.toString('base64')}"}\n`;
}

/** Through a temporary file, so a crash mid-write leaves the old file whole. */
async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp`;
  await fs.writeFile(temporary, text, { mode: 0o600 });
  await fs.rename(temporary, file);
}

async function readIfPresent(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return '';
    }
    throw err;
  }
}

function parseRecords(
  text: string,
  capacity: number,
): { records: InboxRecord[]; lastSeq: number; lines: number; skipped: number } {
  const byId = new Map<string, InboxRecord>();
  let lines = 0;
  let skipped = 0;
  let lastSeq = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      continue;
    }
    lines++;
    const record = parseLine(line);
    if (!record) {
      skipped++;
      continue;
    }
    byId.set(record.id, record);
    lastSeq = Math.max(lastSeq, record.seq);
  }
  const records = [...byId.values()].sort((a, b) => a.seq - b.seq).slice(-capacity);
  return { records, lastSeq, lines, skipped };
}

function parseLine(line: string): InboxRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value)) {
    return undefined;
  }
  const { id, seq, time, method, path, query, headers, body, bodySize, bodyTruncated, response } = value;
  if (
    typeof id !== 'string' ||
    typeof seq !== 'number' ||
    typeof time !== 'string' ||
    typeof method !== 'string' ||
    typeof path !== 'string' ||
    !isJsonObject(query) ||
    !isJsonObject(headers) ||
    typeof body !== 'string' ||
    typeof bodySize !== 'number' ||
    typeof bodyTruncated !== 'boolean' ||
    !isJsonObject(response) ||
    typeof response.status !== 'number'
  ) {
    return undefined;
  }
  return {
    id,
    seq,
    time,
    method,
    path,
    query: query as Record<string, string | string[]>,
    headers: headers as Record<string, string>,
    body: Buffer.from(body, 'base64'),
    bodySize,
    bodyTruncated,
    response: response as unknown as InboxResponseInfo,
    ...(isJsonObject(value.confirmation) ? { confirmation: value.confirmation as unknown as ConfirmationOutcome } : {}),
    ...(isJsonObject(value.forward) ? { forward: value.forward as unknown as ForwardOutcome } : {}),
  };
}
