import { createReadStream } from 'fs';
import { MAX_STORED_LINE_BYTES } from './inboxLimits';
import { KeptRecords } from './keptRecords';
import { parseStoredLine } from './storedRecordLine';

export interface StoredRecords {
  /** The highest seq in the file, 0 when empty, so new records continue after it. */
  readonly lastSeq: number;
  /** Lines read, damaged ones included. */
  readonly lines: number;
  /** Damaged lines: not JSON, not a record, or longer than any record can be. */
  readonly skipped: number;
  /** Where the last whole line ends: bytes after it are a line a crash cut short. */
  readonly wholeBytes: number;
  /** The size of a cut-short last line, 0 when the file ends with a line break. */
  readonly tornBytes: number;
}

const EMPTY: StoredRecords = { lastSeq: 0, lines: 0, skipped: 0, wholeBytes: 0, tornBytes: 0 };

/**
 * Reads the records file into `kept` line by line, never as one string: the memory it takes is
 * what `kept` keeps and one line, whatever the file's size. A record saved again (an outcome
 * arrived) appears again further down; its last line wins.
 */
export async function readStoredRecords(file: string, kept: KeptRecords): Promise<StoredRecords> {
  let lines = 0;
  let skipped = 0;
  let lastSeq = 0;
  let wholeBytes = 0;
  let offset = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overlong = false;
  const endLine = () => {
    lines++;
    const record = overlong ? undefined : parseStoredLine(Buffer.concat(parts, partBytes).toString('utf8'));
    if (record) {
      kept.add(record);
      lastSeq = Math.max(lastSeq, record.seq);
    } else {
      skipped++;
    }
    parts = [];
    partBytes = 0;
    overlong = false;
  };
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1_048_576 }) as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
        append(chunk.subarray(start, end));
        if (partBytes > 0 || overlong) {
          endLine();
        }
        start = end + 1;
        wholeBytes = offset + start;
      }
      append(chunk.subarray(start));
      offset += chunk.length;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return EMPTY;
    }
    throw err;
  }
  const tornBytes = offset - wholeBytes;
  if (tornBytes > 0) {
    skipped++;
    lines++;
  }
  return { lastSeq, lines, skipped, wholeBytes, tornBytes };

  function append(part: Buffer): void {
    if (overlong || part.length === 0) {
      return;
    }
    if (partBytes + part.length > MAX_STORED_LINE_BYTES) {
      overlong = true;
      parts = [];
      partBytes = 0;
      return;
    }
    parts.push(part);
    partBytes += part.length;
  }
}
