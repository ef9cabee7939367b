import * as path from 'path';

/** Fixture files live in the source tree; tests run from out/, so resolve from the repo root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function fixture(...parts: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...parts);
}
