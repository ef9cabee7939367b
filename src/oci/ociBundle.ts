import * as path from 'path';
import type * as OciBundle from '../core/oci';

export type { OciBundle };

/**
 * Loads dist/oci.js, the OCI SDK and the client layer, the first time a caller needs it.
 * It is a separate bundle so that activating the extension never pays for loading the SDK.
 */
export function ociBundleLoader(extensionPath: string): () => typeof OciBundle {
  let bundle: typeof OciBundle | undefined;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, loaded on first use by design
    bundle ??= require(path.join(extensionPath, 'dist', 'oci.js')) as typeof OciBundle;
    return bundle;
  };
}
