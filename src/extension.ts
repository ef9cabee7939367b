import * as vscode from 'vscode';
import { registerConditions } from './conditions/register';
import { registerEventTests } from './eventTests/register';
import { registerFilters } from './filters/register';
import { FlowMapPanel } from './flowMap/flowMapPanel';
import { registerFlowMap } from './flowMap/register';
import { registerFusion } from './fusion/register';
import { registerHelp } from './help/register';
import { registerInbox } from './inbox/register';
import { registerLocalEmulator } from './localEmulator/register';
import { Platform } from './platform/platform';
import { prompts } from './platform/prompts';
import { registerRules } from './rules/register';
import { registerSender } from './sender/register';
import { registerTenancy } from './tenancy/register';
import type { WorkbenchApi } from './workbenchApi';

/** What deactivation waits for: the local emulator's and the inbox's last state writes. */
let stopOnDeactivate: (() => Promise<unknown>) | undefined;

export function deactivate(): Promise<unknown> | undefined {
  return stopOnDeactivate?.();
}

export function activate(extension: vscode.ExtensionContext): WorkbenchApi | undefined {
  const platform = new Platform(extension);
  extension.subscriptions.push(platform);
  const tenancy = registerTenancy(platform);
  const conditions = registerConditions(platform);
  const { catalogue } = conditions.conditions;
  const rules = registerRules(platform, tenancy, catalogue);
  const filters = registerFilters(platform);
  const eventTests = registerEventTests(platform, tenancy.tenancy);
  const fusion = registerFusion(platform);
  const localEmulator = registerLocalEmulator(platform, tenancy, catalogue);
  const inbox = registerInbox(platform, tenancy.tenancy);
  const sender = registerSender(platform, tenancy.tenancy, catalogue, inbox.webhooks.inbox);
  registerFlowMap(platform, { tenancy, rules, fusion, inbox: inbox.webhooks.inbox });
  registerHelp(platform);
  stopOnDeactivate = () => Promise.all([localEmulator.stop(), inbox.webhooks.inbox.stop()]);
  if (extension.extensionMode !== vscode.ExtensionMode.Test) {
    return undefined;
  }
  return {
    prompts,
    tenancy: { model: tenancy.tenancy, provider: tenancy.view.provider },
    oci: tenancy.oci,
    localEmulator,
    rules: { fileSystem: rules.ruleFiles },
    conditionTest: { provider: conditions.view },
    filterEvaluation: { provider: filters.view },
    eventTests,
    fusion: { model: fusion.fusion.model, provider: fusion.view.provider },
    webhooks: { inbox: inbox.webhooks.inbox, provider: inbox.view.provider },
    sender,
    flowMap: { panels: () => FlowMapPanel.panels() },
  };
}
