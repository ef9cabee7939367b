import { readFileSync } from 'fs';
import * as path from 'path';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Text that goes into one line of output: the line breaks and other control characters that a
 * quoted value, a file name or a mistyped file may carry are written as escapes, so that each
 * finding or error stays one line for the scripts that read them.
 */
export function oneLine(text: string): string {
  return text.replace(
    /[\p{Cc}\u2028\u2029]/gu,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}

/** The installed package's version: dist/cli.js sits one folder below package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export const versionCommand: CliCommand = {
  name: 'version',
  summary: 'Print the version (also --version).',
  run: (_args, io) => {
    io.out(`oew ${packageVersion()}\n`);
    return 0;
  },
};
