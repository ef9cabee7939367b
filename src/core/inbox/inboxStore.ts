import { promises as fs } from 'fs';
import * as path from 'path';
import { describeError, UserError } from '../errors/userError';
import { InboxRecord } from './inboxRecord';
import { StorageLimits } from './inboxLimits';
import { KeptRecords } from './keptRecords';
import { readStoredRecords } from './readStoredRecords';
import { prepareStateDir } from '../fs/stateDir';
import { storedLine } from './storedRecordLine';

export const RECORDS_FILE = 'records.jsonl';
const TEMPORARY_FILE = `${RECORDS_FILE}.tmp`;
/** One write takes the records waiting, up to this many bytes (one record more when it alone is bigger). */
const MAX_BATCH_BYTES = 8 * 1_048_576;
/** After a failed write, the file is rebuilt from the live records at most this often. */
const RETRY_MS = 5_000;

export interface OpenedStore {
  readonly store: InboxStore;
  /** How many records were loaded. */
  readonly loaded: number;
  /** The highest seq in the file, 0 when empty, so new records continue after it. */
  readonly lastSeq: number;
  /** Damaged lines skipped, a last line cut short by a crash included. */
  readonly skipped: number;
  readonly file: string;
}

interface Pending {
  readonly record: InboxRecord;
  readonly written: () => void;
}

/**
 * The inbox's records as a JSON-lines file, one record per line with its body in base64.
 *
 * Durability: `save` resolves once the record's line is written to the file (the operating
 * system's cache), and the inbox answers a request only then, so killing the process loses no
 * answered request; a power cut may lose what the system had not flushed to the disk yet.
 * Records waiting while a write runs go out together in the next write.
 *
 * A record saved again (an outcome arrived) is appended again and its last line wins on load.
 * When the file holds twice what the inbox keeps, it is compacted: the live records are streamed
 * to a temporary file that then replaces it, so a crash mid-way leaves the old file whole. No
 * step builds the whole file in memory.
 */
export class InboxStore {
  private readonly queue: Pending[] = [];
  private running: Promise<void> | undefined;
  private handle: fs.FileHandle | undefined;
  private closed = false;
  /** The file's length as this store wrote it: a failed write is cut back to it. */
  private bytes: number;
  private lines: number;
  private rewriteNeeded: boolean;
  private retryAt = 0;
  private failing = false;
  /** Set when a write failed after close(): the last try is over. */
  private gaveUp = false;

  private constructor(
    private readonly file: string,
    private readonly limits: StorageLimits,
    loaded: { bytes: number; lines: number; damaged: boolean },
    private readonly live: KeptRecords,
    private readonly onSaveFailed: (error: UserError) => void,
  ) {
    this.bytes = loaded.bytes;
    this.lines = loaded.lines;
    this.rewriteNeeded = loaded.damaged;
  }

  /**
   * Prepares the folder (see prepareStateDir) and reads the file into `live`, the records the
   * inbox keeps and compacts the file to. A last line cut short is cut off, so the next append
   * starts a line of its own; other damaged lines go at the first write. Throws a UserError
   * naming the folder when it cannot be used.
   */
  static async open(
    dir: string,
    limits: StorageLimits,
    live: KeptRecords,
    onSaveFailed: (error: UserError) => void,
  ): Promise<OpenedStore> {
    await prepareStateDir(dir, 'inbox', [RECORDS_FILE], (name) => name === TEMPORARY_FILE);
    const file = path.join(dir, RECORDS_FILE);
    let loaded;
    try {
      loaded = await readStoredRecords(file, live);
      if (loaded.tornBytes > 0) {
        await fs.truncate(file, loaded.wholeBytes);
      }
    } catch (err) {
      throw new UserError(
        `The inbox cannot read its records file: ${describeError(err).cause}`,
        'Check its permissions, or move it away to start with an empty inbox.',
      );
    }
    const damaged = loaded.skipped > (loaded.tornBytes > 0 ? 1 : 0);
    const store = new InboxStore(
      file,
      limits,
      { bytes: loaded.wholeBytes, lines: loaded.lines - (loaded.tornBytes > 0 ? 1 : 0), damaged },
      live,
      onSaveFailed,
    );
    return { store, loaded: live.size, lastSeq: loaded.lastSeq, skipped: loaded.skipped, file };
  }

  /**
   * Writes `record` (new or changed) with the next write; resolves once it is written, or once
   * writing failed (reported through `onSaveFailed`). Never rejects.
   */
  save(record: InboxRecord): Promise<void> {
    if (this.closed) {
      return Promise.resolve();
    }
    return new Promise((written) => {
      this.queue.push({ record, written });
      this.kick();
    });
  }

  /** Empties the file with the next write. */
  clear(): void {
    this.rewriteNeeded = true;
    this.retryAt = 0;
    this.kick();
  }

  /** Writes what is waiting, compacting the file if a write failed meanwhile; later saves are ignored. */
  async close(): Promise<void> {
    this.closed = true;
    this.kick();
    await this.running;
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
  }

  private kick(): void {
    if (this.running) {
      return;
    }
    this.running = (async () => {
      while (this.queue.length > 0 || this.compactionDue()) {
        await (this.compactionDue() ? this.compact() : this.append());
      }
    })().finally(() => {
      this.running = undefined;
      if (this.queue.length > 0) {
        this.kick();
      }
    });
  }

  private compactionDue(): boolean {
    if (this.gaveUp || (!this.closed && Date.now() < this.retryAt)) {
      return false;
    }
    const { capacity, maxTotalBodyBytes } = this.limits;
    return (
      this.rewriteNeeded || this.lines > 2 * capacity || this.bytes > (8 * maxTotalBodyBytes) / 3 + 2 * capacity * 4_096
    );
  }

  private async append(): Promise<void> {
    const batch = this.takeBatch();
    const lines = batch.filter((pending) => this.live.has(pending.record)).map((pending) => storedLine(pending.record));
    const size = lines.reduce((sum, line) => sum + line.length, 0);
    try {
      if (lines.length > 0) {
        this.handle ??= await fs.open(this.file, 'a', 0o600);
        await this.handle.writev(lines);
        this.bytes += size;
        this.lines += lines.length;
        this.failing = false;
      }
    } catch (err) {
      this.failed(err, lines.length);
      // A write cut short would glue the next line to half of this one.
      await this.handle?.truncate(this.bytes).catch(() => undefined);
    }
    batch.forEach((pending) => pending.written());
  }

  private takeBatch(): Pending[] {
    let size = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || size < MAX_BATCH_BYTES)) {
      size += this.queue[count].record.body.length;
      count++;
    }
    return this.queue.splice(0, count);
  }

  /**
   * Streams the live records to the temporary file, then renames it over the file. The records
   * waiting now are live ones, so the new file holds them too; those saved meanwhile wait.
   */
  private async compact(): Promise<void> {
    const covered = this.queue.splice(0);
    const temporary = path.join(path.dirname(this.file), TEMPORARY_FILE);
    this.rewriteNeeded = false;
    try {
      const { bytes, lines } = await writeLines(temporary, this.live.all());
      await this.handle?.close();
      this.handle = undefined;
      await fs.rename(temporary, this.file);
      this.bytes = bytes;
      this.lines = lines;
      this.failing = false;
    } catch (err) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      this.rewriteNeeded = true;
      this.failed(err, covered.length);
    }
    covered.forEach((pending) => pending.written());
  }

  /** Reports the first failure of a run of them; the file is rebuilt from the live records later. */
  private failed(err: unknown, records: number): void {
    this.rewriteNeeded = true;
    this.retryAt = Date.now() + RETRY_MS;
    this.gaveUp = this.closed;
    if (this.failing) {
      return;
    }
    this.failing = true;
    this.onSaveFailed(
      new UserError(
        `The inbox could not save ${records} request(s) to ${this.file}: ${describeError(err).cause}`,
        `They stay in the inbox while it runs; it tries again every ${RETRY_MS / 1_000} s. Free disk space or fix the folder's permissions.`,
      ),
    );
  }
}

/** Writes each record's line in turn, a few megabytes at a time, and flushes them to the disk. */
async function writeLines(file: string, records: readonly InboxRecord[]): Promise<{ bytes: number; lines: number }> {
  const out = await fs.open(file, 'w', 0o600);
  let bytes = 0;
  try {
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    for (const record of records) {
      const line = storedLine(record);
      chunk.push(line);
      chunkBytes += line.length;
      if (chunkBytes >= MAX_BATCH_BYTES) {
        await out.writev(chunk);
        bytes += chunkBytes;
        chunk = [];
        chunkBytes = 0;
      }
    }
    if (chunk.length > 0) {
      await out.writev(chunk);
      bytes += chunkBytes;
    }
    // The rename must not replace the old file with one whose data is not on the disk yet.
    await out.datasync();
  } finally {
    await out.close();
  }
  return { bytes, lines: records.length };
}
