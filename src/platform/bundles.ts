import * as path from 'path';
import type * as OciBundle from '../core/oci';
import type * as WebhooksBundle from '../core/webhooks';
import type * as XPathCore from '../core/xpath';
import type * as EmulatorBundle from '../emulator';
import type * as FlowMapCore from '../core/flowMap';
import { LazyBundle, lazyBundle } from '../core/runtime/lazyBundle';

export type { FlowMapCore, OciBundle, WebhooksBundle, XPathCore };
export type OciBundleLoader = LazyBundle<typeof OciBundle>;
export type WebhooksBundleLoader = LazyBundle<typeof WebhooksBundle>;
export type XPathCoreLoader = LazyBundle<typeof XPathCore>;
export type EmulatorBundleLoader = LazyBundle<typeof EmulatorBundle>;
export type FlowMapCoreLoader = LazyBundle<typeof FlowMapCore>;

/**
 * The heavy code, each a bundle of its own loaded on first use, so that activation never
 * loads it: the OCI SDK and its client layer; the sender, burst and inbox; the filter
 * language with its XPath engine, the Fusion catalog and @xmldom/xmldom; the local emulator;
 * the event flow map's graph and findings.
 */
export interface Bundles {
  readonly oci: OciBundleLoader;
  readonly webhooks: WebhooksBundleLoader;
  readonly xpath: XPathCoreLoader;
  readonly emulator: EmulatorBundleLoader;
  readonly flowMap: FlowMapCoreLoader;
}

/** `cacheDir` is where V8 keeps the bundles' compiled code between sessions. */
export function bundlesOf(extensionPath: string, cacheDir: string): Bundles {
  const dist = (name: string) => path.join(extensionPath, 'dist', name);
  return {
    oci: lazyBundle<typeof OciBundle>(dist('oci.js'), cacheDir),
    webhooks: lazyBundle<typeof WebhooksBundle>(dist('webhooks.js'), cacheDir),
    xpath: lazyBundle<typeof XPathCore>(dist('xpath.js'), cacheDir),
    emulator: lazyBundle<typeof EmulatorBundle>(dist('emulator.js'), cacheDir),
    flowMap: lazyBundle<typeof FlowMapCore>(dist('flowMap.js'), cacheDir),
  };
}
