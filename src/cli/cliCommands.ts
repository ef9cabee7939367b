import { readFileSync } from 'fs';
import * as path from 'path';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

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
