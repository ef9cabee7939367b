import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh folder for each test of a suite, removed after it. */
export function useTempDir(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'oew-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
