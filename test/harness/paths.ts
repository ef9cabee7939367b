import * as path from 'path';

/** Harness code runs from out/test/harness. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
