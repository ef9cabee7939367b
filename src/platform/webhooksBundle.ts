import * as path from 'path';
import type * as WebhooksBundle from '../core/webhooks';
import { LazyBundle, lazyBundle } from '../core/runtime/lazyBundle';

export type { WebhooksBundle };
export type WebhooksBundleLoader = LazyBundle<typeof WebhooksBundle>;

/** dist/webhooks.js, the sender, burst and inbox: kept out of activation like the OCI SDK. */
export function webhooksBundleLoader(extensionPath: string, cacheDir: string): WebhooksBundleLoader {
  return lazyBundle<typeof WebhooksBundle>(path.join(extensionPath, 'dist', 'webhooks.js'), cacheDir);
}
