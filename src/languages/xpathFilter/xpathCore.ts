import * as path from 'path';
import type * as XPathCore from '../../core/xpath';

export type { XPathCore };

/**
 * Loads dist/xpath.js (the filter language, the Fusion catalog, and the `xpath` and
 * @xmldom/xmldom packages) the first time a filter or a Fusion command needs it, so that
 * activating the extension does not pay for them.
 */
export function xpathCoreLoader(extensionPath: string): () => typeof XPathCore {
  let core: typeof XPathCore | undefined;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, loaded on first use by design
    core ??= require(path.join(extensionPath, 'dist', 'xpath.js')) as typeof XPathCore;
    return core;
  };
}
