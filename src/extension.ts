import * as vscode from 'vscode';
import { checkProfile } from './commands/checkProfile';
import { Command, CommandContext, registerCommands } from './commands/commandTable';
import { copyTenancyOcid } from './commands/copyTenancyOcid';
import { createConfigFile } from './commands/createConfigFile';
import { openConfigFile } from './commands/openConfigFile';
import { openWalkthrough } from './commands/openWalkthrough';
import { refreshTenancy } from './commands/refreshTenancy';
import { setDefaultProfile } from './commands/setDefaultProfile';
import { showLog } from './commands/showLog';
import { saveSample } from './commands/saveSample';
import { testConditionCommand } from './commands/testCondition';
import { ConditionLanguage } from './languages/condition/conditionLanguage';
import { OciConfigDiagnostics } from './languages/ociConfigDiagnostics';
import { readTenancySettings } from './settings';
import { TenancyModel } from './views/tenancy/tenancyModel';
import { TenancyTreeProvider } from './views/tenancy/tenancyTreeProvider';
import { ConditionTestTreeProvider } from './views/conditionTest/conditionTestTreeProvider';
import { TenancyView } from './views/tenancy/tenancyView';
import { ConditionTestView } from './views/conditionTest/conditionTestView';

const COMMANDS: readonly Command[] = [
  refreshTenancy,
  openConfigFile,
  createConfigFile,
  checkProfile,
  setDefaultProfile,
  copyTenancyOcid,
  testConditionCommand,
  saveSample,
  openWalkthrough,
  showLog,
];

/** What the extension hands to its own integration tests through `activate`'s result. */
export interface WorkbenchApi {
  readonly tenancy: { readonly model: TenancyModel; readonly provider: TenancyTreeProvider };
  readonly conditionTest: { readonly provider: ConditionTestTreeProvider };
}

export function activate(extension: vscode.ExtensionContext): WorkbenchApi {
  const log = vscode.window.createOutputChannel('OCI Event Workbench', { log: true });
  const tenancy = new TenancyModel(readTenancySettings);
  const view = new TenancyView(tenancy);
  const conditionLanguage = new ConditionLanguage(log);
  const conditionTest = new ConditionTestView();
  const ctx: CommandContext = {
    extension,
    log,
    tenancy,
    conditions: {
      catalogue: conditionLanguage.catalogue,
      testModel: conditionTest.model,
      revealResults: () => conditionTest.reveal(),
    },
  };
  extension.subscriptions.push(
    log,
    tenancy,
    view,
    new OciConfigDiagnostics(),
    conditionLanguage,
    conditionTest,
    ...registerCommands(ctx, COMMANDS),
  );
  void tenancy.refresh();
  return {
    tenancy: { model: tenancy, provider: view.provider },
    conditionTest: { provider: conditionTest.provider },
  };
}
