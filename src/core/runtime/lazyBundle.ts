import { cachedRequire } from './cachedRequire';

/** A bundle of the extension's own, required the first time it is called. */
export interface LazyBundle<T> {
  (): T;
  /** Whether it has been loaded in this process. */
  readonly loaded: boolean;
}

/**
 * Loads `file` on first call, with its V8 code cache in `cacheDir`, so that the bundles kept
 * out of activation (the OCI SDK, the XPath language) cost nothing until used.
 */
export function lazyBundle<T>(file: string, cacheDir: string): LazyBundle<T> {
  let bundle: T | undefined;
  const load = () => {
    bundle ??= cachedRequire(file, cacheDir) as T;
    return bundle;
  };
  return Object.defineProperty(load, 'loaded', { get: () => bundle !== undefined }) as LazyBundle<T>;
}
