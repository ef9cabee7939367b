import { PassphraseStore } from './passphraseStore';
import { RegionOverrides } from './regionOverrides';
import type { Platform } from '../platform/platform';
import { readTenancySettings } from '../platform/settings';
import { checkProfile } from './commands/checkProfile';
import { copyOcid } from './commands/copyOcid';
import { copyTenancyOcid } from './commands/copyTenancyOcid';
import { createConfigFile } from './commands/createConfigFile';
import { enterPassphrase } from './commands/enterPassphrase';
import { clearRuleFilter, filterRules } from './commands/filterRules';
import { forgetPassphrase } from './commands/forgetPassphrase';
import { loadMore } from './commands/loadMore';
import { openConfigFile } from './commands/openConfigFile';
import { openInConsole } from './commands/openInConsole';
import { refreshSession } from './commands/refreshSession';
import { refreshTenancy } from './commands/refreshTenancy';
import { revealActionTarget } from './commands/revealActionTarget';
import { setDefaultProfile } from './commands/setDefaultProfile';
import { createSubscription, deleteSubscription, resendConfirmation } from './commands/subscriptionCommands';
import { switchRegion } from './commands/switchRegion';
import { createTopic, deleteTopic, publishMessage } from './commands/topicCommands';
import { loadAllRules, revealRule } from './commands/topicRulesCommands';
import { OciConfigDiagnostics } from './ociConfigDiagnostics';
import { OciService } from './ociService';
import { TenancyContext } from './tenancyContext';
import { TenancyModel } from './tenancyModel';
import { TenancyView } from './tenancyView';
import { inBackground } from '../platform/errorBoundary';

/** The Tenancy view, its commands, and the profiles and clients other features call OCI with. */
export function registerTenancy(platform: Platform): TenancyContext & { readonly view: TenancyView } {
  const { extension, log } = platform;
  // Nothing here loads the OCI SDK: the service loads dist/oci.js when a profile is first used.
  const oci = platform.own(
    new OciService(
      platform.bundles.oci,
      new PassphraseStore(extension.secrets),
      new RegionOverrides(extension.globalState),
    ),
  );
  const tenancy = platform.own(new TenancyModel(readTenancySettings, oci, (message) => log.warn(message)));
  const view = platform.own(new TenancyView(tenancy, log));
  platform.own(new OciConfigDiagnostics());
  const ctx: TenancyContext = { extension, log, oci, tenancy, revealInTenancy: (node) => view.reveal(node) };
  platform.registerCommands(ctx, [
    refreshTenancy,
    loadMore,
    filterRules,
    clearRuleFilter,
    copyOcid,
    revealActionTarget,
    openInConsole,
    createTopic,
    deleteTopic,
    publishMessage,
    createSubscription,
    deleteSubscription,
    resendConfirmation,
    loadAllRules,
    revealRule,
    openConfigFile,
    createConfigFile,
    checkProfile,
    setDefaultProfile,
    copyTenancyOcid,
    switchRegion,
    refreshSession,
    enterPassphrase,
    forgetPassphrase,
  ]);
  inBackground(log, 'Reading the OCI config file', tenancy.refresh());
  return { ...ctx, view };
}
