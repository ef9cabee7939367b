import * as path from 'path';
import type * as XPathCore from '../core/xpath';
import { LazyBundle, lazyBundle } from '../core/runtime/lazyBundle';

export type { XPathCore };

/**
 * dist/xpath.js: the filter language, its XPath 1.0 engine, the Fusion catalog and @xmldom/xmldom,
 * loaded the first time a filter or a Fusion command needs them.
 */
export function xpathCoreLoader(extensionPath: string, cacheDir: string): LazyBundle<typeof XPathCore> {
  return lazyBundle<typeof XPathCore>(path.join(extensionPath, 'dist', 'xpath.js'), cacheDir);
}
