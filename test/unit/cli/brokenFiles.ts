import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import * as path from 'path';
import { MAX_INPUT_FILE_BYTES } from '../../../src/cli/cliInputs';

/**
 * A broken input file, generated from a valid seed with a fixed seed for the random choices, so
 * that every run tries the same files and a failure names one that can be written out again.
 */
export interface BrokenFile {
  readonly name: string;
  /** Text or bytes; otherwise what stands where the file should be, or nothing at all. */
  readonly content: Buffer | Unreadable;
}

/** What cannot be read as a file: each must be refused in one line, never with Node's wording. */
type Unreadable = 'missing' | 'folder' | 'symlink-loop' | 'under-a-file' | 'name-too-long' | 'oversized';

/** A small deterministic generator (mulberry32): the same seed gives the same files. */
export function randomSource(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/** Far deeper than any recursion without a limit survives. */
const DEEP = 20_000;

/** Characters that break parsers: syntax of JSON, XML and variables, NUL, BOM, a lone surrogate, line ends. */
export const ODD_CHARACTERS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  '<',
  '>',
  '/',
  '&',
  ';',
  '\0',
  '\uFEFF',
  '\u2028',
  '\uD800',
  '💥',
  'é',
  '\r',
  '\n',
  '$',
  '(',
  ')',
  '=',
];

/**
 * `count` broken variants of `seed`: the fixed shapes first (empty, BOM, CRLF, NUL, invalid
 * UTF-8, binary, deep nesting, a huge line, what is no file at all, wrong types), then random
 * truncations and inserted, deleted and duplicated characters until there are `count`.
 */
export function brokenVariants(
  seed: string,
  count: number,
  wrongTypes: readonly string[],
  seedNumber: number,
): BrokenFile[] {
  const next = randomSource(seedNumber);
  const text = (name: string, t: string): BrokenFile => ({ name, content: Buffer.from(t, 'utf8') });
  const half = seed.length >> 1;
  const fixed: BrokenFile[] = [
    text('empty', ''),
    text('blank', ' \n\t\r\n'),
    text('bom', `\uFEFF${seed}`),
    text('crlf', seed.replace(/\n/g, '\r\n')),
    text('lone-cr', seed.replace(/\n/g, '\r')),
    text('crlf-runs', `${seed.slice(0, half)}${'\r\n'.repeat(2_000)}${seed.slice(half)}`),
    text('nul-prefix', `\0${seed}`),
    text('nul-middle', `${seed.slice(0, half)}\0${seed.slice(half)}`),
    {
      name: 'invalid-utf8',
      content: Buffer.concat([
        Buffer.from(seed.slice(0, 10)),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80]),
        Buffer.from(seed.slice(10)),
      ]),
    },
    { name: 'utf16', content: Buffer.from(`\uFEFF${seed}`, 'utf16le') },
    { name: 'binary', content: Buffer.from(Array.from({ length: 512 }, () => next(256))) },
    text('nested-arrays', `${'['.repeat(100)}${']'.repeat(100)}`),
    text('nested-objects', `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`),
    text('nested-unclosed', '['.repeat(1000)),
    text('deep-arrays', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`),
    text('deep-objects', `${'{"data":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`),
    text('deep-in-seed', `${seed.slice(0, half)}${'['.repeat(DEEP)}${seed.slice(half)}`),
    text('deep-parentheses', `<xpathExpr>${'('.repeat(DEEP)}1${')'.repeat(DEEP)}</xpathExpr>`),
    text('deep-elements', `${'<a>'.repeat(DEEP)}${'</a>'.repeat(DEEP)}`),
    text('huge-line', `${seed.slice(0, 20)}${'x'.repeat(200_000)}`),
    text('huge-string', `${seed.slice(0, half)}"${'\\u0041'.repeat(100_000)}"${seed.slice(half)}`),
    text('doubled', seed + seed),
    { name: 'missing', content: 'missing' },
    { name: 'folder', content: 'folder' },
    { name: 'symlink-loop', content: 'symlink-loop' },
    { name: 'under-a-file', content: 'under-a-file' },
    { name: 'name-too-long', content: 'name-too-long' },
    { name: 'oversized', content: 'oversized' },
    ...wrongTypes.map((t, i) => text(`wrong-type-${i}`, t)),
  ];
  const random: BrokenFile[] = [];
  for (let i = 0; fixed.length + random.length < count; i++) {
    const at = next(seed.length);
    const shape = i % 4;
    if (shape === 0) {
      random.push(text(`truncated-${at}`, seed.slice(0, at)));
    } else if (shape === 1) {
      const odd = ODD_CHARACTERS[next(ODD_CHARACTERS.length)];
      random.push(
        text(`inserted-${at}-${odd.codePointAt(0)}`, seed.slice(0, at) + odd.repeat(1 + next(3)) + seed.slice(at)),
      );
    } else if (shape === 2) {
      const length = 1 + next(8);
      random.push(text(`deleted-${at}-${length}`, seed.slice(0, at) + seed.slice(at + length)));
    } else {
      const length = 1 + next(16);
      random.push(text(`duplicated-${at}-${length}`, seed.slice(0, at + length) + seed.slice(at)));
    }
  }
  return [...fixed, ...random];
}

/**
 * Puts the broken file where a command will look for `file`, in a folder of its own, and returns
 * the path to give it: `file`, but for a name too long, which is itself what is broken.
 */
export function place(file: string, broken: BrokenFile): string {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const content = broken.content;
  if (Buffer.isBuffer(content)) {
    writeFileSync(file, content);
    return file;
  }
  switch (content) {
    case 'missing':
      return file;
    case 'folder':
      mkdirSync(file);
      return file;
    case 'symlink-loop':
      symlinkSync(path.basename(file), file);
      return file;
    case 'under-a-file':
      // The file's own folder (for a workspace's file, its .oew) is a file.
      rmSync(dir, { recursive: true });
      writeFileSync(dir, '{}');
      return file;
    case 'name-too-long':
      return path.join(dir, `${'n'.repeat(300)}${path.basename(file)}`);
    case 'oversized':
      // Sparse: one byte past the bound costs no disk, and the reader must stop at the bound.
      writeFileSync(file, '');
      truncateSync(file, MAX_INPUT_FILE_BYTES + 1);
      return file;
  }
}
