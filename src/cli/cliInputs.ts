import { promises as fs } from 'fs';

/**
 * `--name VALUE` pairs where every name is required, such as `--filter F --payload P`: the
 * values by name (without the dashes), or the message to print.
 */
export function requiredFlags<N extends string>(
  args: readonly string[],
  names: readonly N[],
  usage: string,
): Record<N, string> | string {
  const values: Partial<Record<N, string>> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    const name = flag.slice(2) as N;
    if (!flag.startsWith('--') || !names.includes(name) || value === undefined) {
      return `unexpected "${flag}"; ${usage}`;
    }
    values[name] = value;
  }
  return names.every((n) => values[n]) ? (values as Record<N, string>) : usage;
}

/** An input file's text; an unreadable one is an error naming the file and why. */
export async function readInputFile(file: string, what: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the ${what} file ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, {
      cause: err,
    });
  }
}

/** An option's text as a whole number of at least `min`, or what it should have been, for the message. */
export const wholeNumber =
  (min: number) =>
  (text: string): number | string =>
    Number.isInteger(Number(text)) && text.trim() !== '' && Number(text) >= min
      ? Number(text)
      : `a whole number of at least ${min}`;

/** Applies a parsed option value, or returns the message that explains why it could not be parsed. */
export function applyOption<T>(value: T | string, apply: (value: T) => unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  apply(value);
  return undefined;
}
