/**
 * The OCI SDK warns on the console after every failed call, printing its error as
 * "[object Object]". The extension and the CLI report each failure themselves, with its real
 * cause, so those lines are dropped; the SDK's other warnings pass through.
 */
export function sdkConsoleWarn(...args: unknown[]): void {
  if (typeof args[0] === 'string' && args[0].includes('[object Object]')) {
    return;
  }
  // Not `console.warn`: the build replaces that name with this function in the SDK's bundle.
  const warn = Reflect.get(console, 'warn') as (...data: unknown[]) => void;
  warn(...args);
}
