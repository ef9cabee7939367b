import * as path from 'path';
import * as vscode from 'vscode';
import { checkProfile } from './tenancy/commands/checkProfile';
import { Command, CommandContext, registerCommands } from './platform/commandTable';
import { copyTenancyOcid } from './tenancy/commands/copyTenancyOcid';
import { createConfigFile } from './tenancy/commands/createConfigFile';
import { openConfigFile } from './tenancy/commands/openConfigFile';
import { openWalkthrough } from './help/openWalkthrough';
import { enterPassphrase } from './tenancy/commands/enterPassphrase';
import { evaluateFilter } from './filters/commands/evaluateFilter';
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
} from './fusion/fusionCommands';
import { FusionPasswords, readFusionConnections } from './fusion/fusionConnections';
import { FUSION_DETAILS_SCHEME, FusionDetails } from './fusion/fusionDetails';
import { FusionModel } from './fusion/fusionModel';
import { FusionTreeProvider } from './fusion/fusionTreeProvider';
import { FusionView } from './fusion/fusionView';
import { forgetPassphrase } from './tenancy/commands/forgetPassphrase';
import { newFilter } from './filters/commands/newFilter';
import { openGeneratedPayload } from './filters/commands/openGeneratedPayload';
import { refreshSession } from './tenancy/commands/refreshSession';
import { copyOcid } from './tenancy/commands/copyOcid';
import { clearRuleFilter, filterRules } from './tenancy/commands/filterRules';
import { loadMore } from './tenancy/commands/loadMore';
import { revealActionTarget } from './tenancy/commands/revealActionTarget';
import { openInConsole } from './tenancy/commands/openInConsole';
import { createTopic, deleteTopic, publishMessage } from './tenancy/commands/topicCommands';
import { createSubscription, deleteSubscription, resendConfirmation } from './tenancy/commands/subscriptionCommands';
import { loadAllRules, revealRule } from './tenancy/commands/topicRulesCommands';
import { startLocalEmulator, stopLocalEmulator } from './localEmulator/localEmulatorCommands';
import { LocalEmulator } from './localEmulator/localEmulator';
import { editRule } from './rules/commands/editRule';
import { deployRuleFile } from './rules/commands/deployRuleFile';
import { createRule } from './rules/commands/createRule';
import { showRulesForEventType } from './rules/commands/showRulesForEventType';
import { testAgainstEmulator } from './localEmulator/testAgainstEmulator';
import {
  copyRuleAsCli,
  copyRuleAsTerraform,
  deleteRule,
  disableRule,
  enableRule,
  moveRule,
} from './rules/commands/ruleCommands';
import { RuleFileSystem } from './rules/ruleFileSystem';
import { checkDocument } from './core/condition/checkDocument';
import { UserError } from './core/errors/userError';
import { refreshTenancy } from './tenancy/commands/refreshTenancy';
import { switchRegion } from './tenancy/commands/switchRegion';
import { setDefaultProfile } from './tenancy/commands/setDefaultProfile';
import { showLog } from './help/showLog';
import { saveSample } from './conditions/commands/saveSample';
import { testConditionCommand } from './conditions/commands/testCondition';
import { ConditionLanguage } from './conditions/conditionLanguage';
import { OciConfigDiagnostics } from './tenancy/ociConfigDiagnostics';
import { ociBundleLoader } from './tenancy/ociBundle';
import { OciService } from './tenancy/ociService';
import { PassphraseStore } from './tenancy/passphraseStore';
import { RegionOverrides } from './tenancy/regionOverrides';
import { readInboxSettings, readTenancySettings } from './platform/settings';
import { TenancyModel } from './tenancy/tenancyModel';
import { TenancyTreeProvider } from './tenancy/tenancyTreeProvider';
import { ConditionTestTreeProvider } from './conditions/conditionTestTreeProvider';
import { TenancyView } from './tenancy/tenancyView';
import { ConditionTestView } from './conditions/conditionTestView';
import { FilterEvaluationTreeProvider } from './filters/filterEvaluationTreeProvider';
import { FilterEvaluationView } from './filters/filterEvaluationView';
import { xpathCoreLoader } from './filters/xpathCore';
import {
  inboxClear,
  inboxConfirm,
  inboxCopyUrl,
  inboxOpenEntry,
  inboxOpenInSender,
  inboxReplay,
  inboxSaveSample,
  inboxStart,
  inboxStop,
} from './inbox/inboxCommands';
import { inboxConfigure } from './inbox/inboxSettingsCommand';
import { inboxSubscribeToTopic } from './inbox/subscribeInbox';
import { INBOX_ENTRY_SCHEME, InboxEntryDocuments } from './inbox/inboxEntryDocuments';
import { InboxTreeProvider } from './inbox/inboxTreeProvider';
import { InboxView } from './inbox/inboxView';
import { InboxController } from './inbox/inboxController';
import { webhooksBundleLoader } from './platform/webhooksBundle';
import { XPathFilterLanguage } from './filters/xpathFilterLanguage';
import {
  openRequestFile,
  openSender,
  sendFusionEvent,
  sendSampleEvent,
  sendToSubscription,
} from './sender/senderCommands';
import { SenderFeature } from './sender/senderFeature';

const COMMANDS: readonly Command[] = [
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
  editRule,
  enableRule,
  disableRule,
  deleteRule,
  moveRule,
  copyRuleAsCli,
  copyRuleAsTerraform,
  deployRuleFile,
  createRule,
  showRulesForEventType,
  testAgainstEmulator,
  startLocalEmulator,
  stopLocalEmulator,
  openConfigFile,
  createConfigFile,
  checkProfile,
  setDefaultProfile,
  copyTenancyOcid,
  switchRegion,
  refreshSession,
  enterPassphrase,
  forgetPassphrase,
  testConditionCommand,
  saveSample,
  newFilter,
  evaluateFilter,
  openGeneratedPayload,
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
  inboxStart,
  inboxStop,
  inboxCopyUrl,
  inboxClear,
  inboxConfigure,
  inboxOpenEntry,
  inboxConfirm,
  inboxOpenInSender,
  inboxReplay,
  inboxSaveSample,
  inboxSubscribeToTopic,
  openWalkthrough,
  showLog,
  openSender,
  openRequestFile,
  sendToSubscription,
  sendFusionEvent,
  sendSampleEvent,
];

/** What the extension hands to its own integration tests through `activate`'s result. */
export interface WorkbenchApi {
  readonly tenancy: { readonly model: TenancyModel; readonly provider: TenancyTreeProvider };
  readonly oci: OciService;
  readonly localEmulator: LocalEmulator;
  readonly rules: { readonly fileSystem: RuleFileSystem };
  readonly conditionTest: { readonly provider: ConditionTestTreeProvider };
  readonly filterEvaluation: { readonly provider: FilterEvaluationTreeProvider };
  readonly fusion: { readonly model: FusionModel; readonly provider: FusionTreeProvider };
  readonly webhooks: { readonly inbox: InboxController; readonly provider: InboxTreeProvider };
  readonly sender: SenderFeature;
}

/** What deactivation waits for: the local emulator's and the inbox's last state writes. */
let stopOnDeactivate: (() => Promise<unknown>) | undefined;

export function deactivate(): Promise<unknown> | undefined {
  return stopOnDeactivate?.();
}

export function activate(extension: vscode.ExtensionContext): WorkbenchApi {
  const log = vscode.window.createOutputChannel('OCI Event Workbench', { log: true });
  // Where V8 keeps the compiled code of the bundles loaded on first use.
  const codeCache = path.join(extension.globalStorageUri.fsPath, 'code-cache');
  // Nothing here loads the OCI SDK: the service loads dist/oci.js when a profile is first used.
  const oci = new OciService(
    ociBundleLoader(extension.extensionPath, codeCache),
    new PassphraseStore(extension.secrets),
    new RegionOverrides(extension.globalState),
  );
  const localEmulator = new LocalEmulator(
    oci,
    path.join(extension.globalStorageUri.fsPath, 'local-emulator'),
    extension.extensionPath,
    codeCache,
    log,
  );
  const tenancy = new TenancyModel(readTenancySettings, oci, (message) => log.warn(message));
  const view = new TenancyView(tenancy);
  const conditionLanguage = new ConditionLanguage(log);
  const ruleFiles = new RuleFileSystem({
    clientsFor: (name) => {
      const profile = tenancy.profileNamed(name);
      if (!profile) {
        throw new UserError(`Profile ${name} is not in the Tenancy view.`, 'Check the OCI config file.');
      }
      return oci.clientsFor(profile.file, name, true);
    },
    findings: (text) => checkDocument(text, conditionLanguage.catalogue.current, 'rule').findings,
    deployed: (name, ruleId) => {
      const profile = tenancy.profileNamed(name);
      const rule = profile ? tenancy.resources.loadedRule(profile, ruleId) : undefined;
      if (rule) {
        tenancy.resources.refresh(rule.parent);
      }
    },
  });
  const conditionTest = new ConditionTestView();
  const filterEvaluation = new FilterEvaluationView();
  const xpathCore = xpathCoreLoader(extension.extensionPath, codeCache);
  const fusionPasswords = new FusionPasswords(extension.secrets);
  const fusionModel = new FusionModel(readFusionConnections, fusionPasswords, (message) => log.warn(message));
  const fusionView = new FusionView(fusionModel);
  const fusionDetails = new FusionDetails();
  const webhooksBundle = webhooksBundleLoader(extension.extensionPath, codeCache);
  // Per workspace, so each project's inbox shows the requests it received.
  const inbox = new InboxController(
    webhooksBundle,
    extension.storageUri && path.join(extension.storageUri.fsPath, 'inbox'),
    extension.workspaceState,
    log,
  );
  stopOnDeactivate = () => Promise.all([localEmulator.stop(), inbox.stop()]);
  const inboxView = new InboxView(inbox);
  const inboxEntries = new InboxEntryDocuments();
  const sender = new SenderFeature({
    extension,
    log,
    bundle: webhooksBundle,
    tenancy,
    oci,
    catalogue: conditionLanguage.catalogue,
    inboxUrl: () => inbox.inbox?.url,
    onDidChangeInbox: inbox.onDidChange,
  });
  const ctx: CommandContext = {
    extension,
    log,
    tenancy,
    revealInTenancy: (node) => view.reveal(node),
    oci,
    localEmulator,
    ruleFiles,
    conditions: {
      catalogue: conditionLanguage.catalogue,
      testModel: conditionTest.model,
      revealResults: () => conditionTest.reveal(),
    },
    fusion: { model: fusionModel, passwords: fusionPasswords, details: fusionDetails },
    filters: { core: xpathCore, model: filterEvaluation.model, revealResults: () => filterEvaluation.reveal() },
    webhooks: { inbox, entries: inboxEntries },
    sender,
  };
  // Disposed in this order: the emulator and the inbox stop while the log and the clients they use are still there.
  extension.subscriptions.push(
    localEmulator,
    inbox,
    log,
    oci,
    tenancy,
    view,
    new OciConfigDiagnostics(),
    conditionLanguage,
    ruleFiles,
    conditionTest,
    new XPathFilterLanguage(xpathCore),
    filterEvaluation,
    fusionModel,
    fusionView,
    fusionDetails,
    sender,
    vscode.workspace.registerTextDocumentContentProvider(FUSION_DETAILS_SCHEME, fusionDetails),
    inboxView,
    inboxEntries,
    vscode.workspace.registerTextDocumentContentProvider(INBOX_ENTRY_SCHEME, inboxEntries),
    ...registerCommands(ctx, COMMANDS),
  );
  void tenancy.refresh();
  if (readInboxSettings().startOnActivation) {
    // After activation returns: loading dist/webhooks.js must not delay it.
    const starting = setTimeout(
      () => inbox.start().catch((err: unknown) => log.error('Starting the webhook inbox on activation failed:', err)),
      0,
    );
    extension.subscriptions.push({ dispose: () => clearTimeout(starting) });
  }
  return {
    tenancy: { model: tenancy, provider: view.provider },
    oci,
    localEmulator,
    rules: { fileSystem: ruleFiles },
    conditionTest: { provider: conditionTest.provider },
    filterEvaluation: { provider: filterEvaluation.provider },
    fusion: { model: fusionModel, provider: fusionView.provider },
    webhooks: { inbox, provider: inboxView.provider },
    sender,
  };
}
