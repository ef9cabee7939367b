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
import { OciConfigDiagnostics } from './languages/ociConfigDiagnostics';
import { readTenancySettings } from './settings';
import { TenancyModel } from './views/tenancy/tenancyModel';
import { TenancyTreeProvider } from './views/tenancy/tenancyTreeProvider';
import { TenancyView } from './views/tenancy/tenancyView';

const COMMANDS: readonly Command[] = [
  refreshTenancy,
  openConfigFile,
  createConfigFile,
  checkProfile,
  setDefaultProfile,
  copyTenancyOcid,
  openWalkthrough,
  showLog,
];

/** What the extension hands to its own integration tests through `activate`'s result. */
export interface WorkbenchApi {
  readonly tenancy: { readonly model: TenancyModel; readonly provider: TenancyTreeProvider };
}

export function activate(extension: vscode.ExtensionContext): WorkbenchApi {
  const log = vscode.window.createOutputChannel('OCI Event Workbench', { log: true });
  const tenancy = new TenancyModel(readTenancySettings);
  const view = new TenancyView(tenancy);
  const ctx: CommandContext = { extension, log, tenancy };
  extension.subscriptions.push(log, tenancy, view, new OciConfigDiagnostics(), ...registerCommands(ctx, COMMANDS));
  void tenancy.refresh();
  return { tenancy: { model: tenancy, provider: view.provider } };
}
