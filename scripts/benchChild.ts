/* eslint-disable @typescript-eslint/no-require-imports -- timing require() itself is the point of this file */
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { installVscodeStub } from './vscodeStub';

/** One sample for bench.ts, in a fresh process; prints its timings as JSON. */
const [mode, extensionPath] = process.argv.slice(2);

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const result: Record<string, number> = {};
if (mode === 'extension') {
  installVscodeStub();
  let extension: { activate(context: unknown): unknown } | undefined;
  result['extension: require dist/extension.js'] = time(() => {
    extension = require(extensionPath) as typeof extension;
  });
  const memento = { get: <T>(_key: string, fallback?: T) => fallback, update: () => Promise.resolve() };
  const context = {
    subscriptions: [],
    extensionUri: {},
    extensionPath: path.dirname(path.dirname(extensionPath)),
    globalStorageUri: { fsPath: os.tmpdir() },
    globalState: memento,
    secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve() },
    // The manifest, as VS Code gives it: activation reads the commands' titles from it.
    extension: {
      id: 'oew.oci-event-workbench',
      packageJSON: require(path.join(path.dirname(path.dirname(extensionPath)), 'package.json')) as unknown,
    },
  };
  result['extension: activate() (synchronous part)'] = time(() => extension!.activate(context));
} else if (mode === 'baseline-empty') {
  result['baseline: require a Node built-in (os)'] = time(() => require('os'));
} else if (mode === 'baseline-oci-common') {
  result['baseline: require oci-common (SDK at activation)'] = time(() => require('oci-common'));
}
process.stdout.write(JSON.stringify(result));
