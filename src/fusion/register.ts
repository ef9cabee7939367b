import type { Platform } from '../platform/platform';
import { ReadOnlyDocuments } from '../platform/readOnlyDocuments';
import { FusionPasswords, readFusionConnections } from './fusionConnections';
import {
  fusionCopyQName,
  fusionDeleteSubscription,
  fusionEnableEvent,
  fusionFilterCatalog,
  fusionForgetPassword,
  fusionNewFilter,
  fusionOpenDetails,
  fusionRaiseInEmulator,
  fusionRefresh,
  fusionSetPassword,
} from './fusionCommands';
import { FusionContext } from './fusionContext';
import { FusionModel } from './fusionModel';
import { FusionView } from './fusionView';

/** The scheme of the read-only JSON documents of what a Fusion instance sent, for Open Details. */
const FUSION_DETAILS_SCHEME = 'oew-fusion';

/** The Fusion Events view, its connections' passwords, its detail documents and its commands. */
export function registerFusion(platform: Platform): FusionContext & { readonly view: FusionView } {
  const passwords = new FusionPasswords(platform.extension.secrets);
  const model = platform.own(new FusionModel(readFusionConnections, passwords, (m) => platform.log.warn(m)));
  const view = platform.own(new FusionView(model));
  const details = platform.own(new ReadOnlyDocuments(FUSION_DETAILS_SCHEME));
  const ctx: FusionContext = { fusion: { model, passwords, details }, filters: { core: platform.bundles.xpath } };
  platform.registerCommands(ctx, [
    fusionRefresh,
    fusionSetPassword,
    fusionForgetPassword,
    fusionFilterCatalog,
    fusionEnableEvent,
    fusionDeleteSubscription,
    fusionCopyQName,
    fusionOpenDetails,
    fusionNewFilter,
    fusionRaiseInEmulator,
  ]);
  return { ...ctx, view };
}
