import { promises as fs } from 'fs';
import * as path from 'path';
import { describeError, isUserError, UserError } from '../errors/userError';

/** Deeper than any real folder tree; a bound on the walk up to a folder that exists. */
const MAX_NEW_LEVELS = 64;

/**
 * Makes `dir` ready to hold the state of `owner` (the inbox, the emulator): created if missing,
 * checked to be a folder, and made private with its files, also those an older version left open
 * to others. The inbox's requests carry other people's credentials (Authorization,
 * X-Auth-Token) and the emulator's state its secrets: only the user may read them. Temporary
 * files that a crash left behind, those `isTemporary` names, are removed.
 */
export async function prepareStateDir(
  dir: string,
  owner: string,
  files: readonly string[],
  isTemporary: (name: string) => boolean,
): Promise<void> {
  try {
    await makeDir(path.resolve(dir), 0);
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) {
      throw notAFolder(dir, owner);
    }
    await fs.chmod(dir, 0o700);
    const stale = (await fs.readdir(dir)).filter(isTemporary);
    await Promise.all(stale.map((name) => fs.rm(path.join(dir, name), { force: true })));
    await Promise.all(files.map((name) => tightenFile(path.join(dir, name), owner)));
  } catch (err) {
    throw stateDirError(dir, owner, err);
  }
}

/**
 * Not `mkdir({ recursive: true })`, which never returns for a path under /proc: there mkdir
 * answers "no such file" while the parent exists, and Node retries forever.
 */
async function makeDir(dir: string, level: number): Promise<void> {
  try {
    await fs.mkdir(dir, { mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      return;
    }
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir || level >= MAX_NEW_LEVELS) {
      throw err;
    }
    await makeDir(parent, level + 1);
    try {
      await fs.mkdir(dir, { mode: 0o700 });
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw again;
      }
    }
  }
}

async function tightenFile(file: string, owner: string): Promise<void> {
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return;
    }
    throw err;
  }
  if (!stat.isFile()) {
    throw new UserError(
      `The ${owner}'s state file ${file} is not a regular file.`,
      'Move it away, or choose another state folder.',
    );
  }
  if ((stat.mode & 0o777) !== 0o600) {
    await fs.chmod(file, 0o600);
  }
}

function notAFolder(dir: string, owner: string): UserError {
  return new UserError(
    `The ${owner}'s state folder ${dir} is a file, not a folder.`,
    'Choose a folder for --state-dir.',
  );
}

function stateDirError(dir: string, owner: string, err: unknown): UserError {
  if (isUserError(err)) {
    return err;
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR') {
    return new UserError(
      `The ${owner}'s state folder ${dir} cannot be made: part of its path is a file.`,
      'Choose a folder you can write to.',
    );
  }
  return new UserError(
    `The ${owner} cannot use ${dir} as its state folder: ${describeError(err).cause}`,
    'Choose a folder you can write to, such as one in your home folder.',
  );
}
