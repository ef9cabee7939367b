import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'fs';
import { describeError, UserError } from '../core/errors/userError';
import { readCapped } from '../core/http/readCapped';
import { CliIo, oneLine } from './cliCommands';

/**
 * `--name VALUE` pairs where every name is required, such as `--filter F --payload P`: the
 * values by name (without the dashes), or the message to print.
 */
function requiredFlags<N extends string>(
  args: readonly string[],
  names: readonly N[],
  usage: string,
): Record<N, string> | string {
  const values: Partial<Record<N, string>> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    const name = flag.slice(2) as N;
    if (!flag.startsWith('--') || !names.includes(name)) {
      return `${unknownOption(flag)}; ${usage}`;
    }
    if (value === undefined) {
      return `${flag} needs a value; ${usage}`;
    }
    values[name] = value;
  }
  return names.every((n) => values[n]) ? (values as Record<N, string>) : usage;
}

/**
 * The inputs of a command whose arguments are all required `--name FILE` flags, read by `read`:
 * the file names and what `read` made of them, or undefined once a bad flag or an input that
 * `read` refused was told on stderr in one line, for the command to exit 2.
 */
export async function readCommandInputs<N extends string, T>(
  command: string,
  args: readonly string[],
  io: CliIo,
  flags: { readonly names: readonly N[]; readonly usage: string },
  read: (files: Record<N, string>) => Promise<T>,
): Promise<{ readonly files: Record<N, string>; readonly inputs: T } | undefined> {
  const files = requiredFlags(args, flags.names, flags.usage);
  if (typeof files === 'string') {
    io.err(`oew ${command}: ${files}\n`);
    return undefined;
  }
  try {
    return { files, inputs: await read(files) };
  } catch (err) {
    io.err(`oew ${command}: ${oneLine((err as Error).message)}\n`);
    return undefined;
  }
}

/** The most the CLI reads of any one input file; a larger one (or an endless one, such as /dev/zero) is refused. */
export const MAX_INPUT_FILE_BYTES = 16 * 1_048_576;

/** An input file's text, read at most to the bound; an unreadable or oversized one is an error naming the file and why. */
export async function readInputFile(file: string, what: string): Promise<string> {
  return (await readInputBytes(file, what)).toString('utf8');
}

/**
 * An input file's bytes, as `readInputFile` reads them. A regular file is read at once, its size
 * known beforehand (what `oew test` does hundreds of times a run); anything else, such as a pipe
 * or /dev/zero, is streamed up to the bound.
 */
export async function readInputBytes(file: string, what: string): Promise<Buffer> {
  let read: Awaited<ReturnType<typeof readCapped>>;
  try {
    read = regularFile(file) ?? (await readCapped(createReadStream(file), MAX_INPUT_FILE_BYTES));
  } catch (err) {
    throw unreadable(file, what, err);
  }
  if (read.truncated) {
    throw new UserError(
      `The ${what} file ${file} is larger than ${MAX_INPUT_FILE_BYTES / 1_048_576} MB.`,
      'Give a smaller file.',
    );
  }
  return read.body;
}

/** A regular file's bytes, or nothing for a file of another kind; sync, since a CLI waits for it anyway. */
function regularFile(file: string): Awaited<ReturnType<typeof readCapped>> | undefined {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      return undefined;
    }
    return stat.size > MAX_INPUT_FILE_BYTES
      ? { body: Buffer.alloc(0), size: stat.size, truncated: true }
      : { body: readFileSync(fd), size: stat.size, truncated: false };
  } finally {
    closeSync(fd);
  }
}

function unreadable(file: string, what: string, err: unknown): UserError {
  // Node's read errors carry no path; the message names the file the user gave.
  const code = (err as NodeJS.ErrnoException).code;
  const { cause } = describeError(typeof code === 'string' ? { code, path: file } : err);
  return new UserError(`Cannot read the ${what} file: ${cause}`, 'Check the path and its permissions.', { cause: err });
}

/** The highest TCP port. */
export const MAX_PORT = 65_535;

/**
 * An option's text as a whole number from `min` to `max`, or what it should have been, for the
 * message. Every number a user gives has a ceiling: past it, timers overflow and buffers fail.
 */
export const wholeNumber =
  (min: number, max: number) =>
  (text: string): number | string =>
    /^\s*\d+\s*$/.test(text) && Number(text) >= min && Number(text) <= max
      ? Number(text)
      : `a whole number from ${min} to ${max}`;

/** Applies a parsed option value, or returns the message that explains why it could not be parsed. */
export function applyOption<T>(value: T | string, apply: (value: T) => unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  apply(value);
  return undefined;
}

/** How an unknown option is named back: `--name` alone, since `--name=value` may carry a secret. */
export function unknownOption(flag: string): string {
  const name = flag.split('=', 1)[0];
  return `unknown option ${name.startsWith('-') ? name : '(a value with no option before it)'}`;
}
