import * as path from 'path';
import type * as OciBundle from '../core/oci';
import { LazyBundle, lazyBundle } from '../core/runtime/lazyBundle';

export type { OciBundle };
export type OciBundleLoader = LazyBundle<typeof OciBundle>;

/** dist/oci.js, the OCI SDK and the client layer: a bundle of its own so that activation never loads the SDK. */
export function ociBundleLoader(extensionPath: string, cacheDir: string): OciBundleLoader {
  return lazyBundle<typeof OciBundle>(path.join(extensionPath, 'dist', 'oci.js'), cacheDir);
}
