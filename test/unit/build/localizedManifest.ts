import { readFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../fixtures';

/** `%key%`: a string of the manifest that VS Code takes from package.nls.json. */
export const PLACEHOLDER = /^%([^%\s]+)%$/;

export function rawManifest(): unknown {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
}

export function manifestStrings(): Record<string, string> {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
}

/** package.json as VS Code shows it in English: each placeholder replaced by its text; a missing one throws. */
export function localizedManifest<T>(): T {
  const strings = manifestStrings();
  const localize = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const key = PLACEHOLDER.exec(value)?.[1];
      if (key === undefined) {
        return value;
      }
      if (!Object.hasOwn(strings, key)) {
        throw new Error(`package.json names %${key}%, which package.nls.json does not have`);
      }
      return strings[key];
    }
    if (Array.isArray(value)) {
      return value.map(localize);
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v)]));
    }
    return value;
  };
  return localize(rawManifest()) as T;
}
