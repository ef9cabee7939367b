import { readdirSync, statSync } from 'fs';
import * as path from 'path';

/** Fixture files live in the source tree; tests run from out/, so resolve from the repo root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function fixture(...parts: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...parts);
}

/** Every TypeScript file under a folder of the repository, however deep. */
export function typescriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? typescriptFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}
