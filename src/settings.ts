import * as os from 'os';
import * as vscode from 'vscode';
import { DEFAULT_PROFILE } from './core/ociConfig/parseConfig';
import { TenancySettings } from './views/tenancy/tenancyModel';

export const SETTINGS_SECTION = 'oew';

export function readTenancySettings(): TenancySettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    home: os.homedir(),
    setting: config.get<string>('oci.configFile') || undefined,
    environment: process.env.OCI_CONFIG_FILE,
    defaultProfile: config.get<string>('oci.profile') || DEFAULT_PROFILE,
  };
}
