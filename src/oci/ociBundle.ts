import * as path from 'path';
import type * as OciBundle from '../core/oci';
import { cachedRequire } from '../core/runtime/cachedRequire';

export type { OciBundle };

export interface OciBundleLoader {
  (): typeof OciBundle;
  /** Whether the SDK has been loaded in this extension host. */
  readonly loaded: boolean;
}

/**
 * Loads dist/oci.js, the OCI SDK and the client layer, the first time a caller needs it. It is
 * a separate bundle so that activating the extension never pays for loading the SDK, and its
 * compiled code is cached in `cacheDir` so that only the first load after an update compiles it.
 */
export function ociBundleLoader(extensionPath: string, cacheDir: string): OciBundleLoader {
  let bundle: typeof OciBundle | undefined;
  const load = () => {
    bundle ??= cachedRequire(path.join(extensionPath, 'dist', 'oci.js'), cacheDir) as typeof OciBundle;
    return bundle;
  };
  return Object.defineProperty(load, 'loaded', { get: () => bundle !== undefined }) as OciBundleLoader;
}
