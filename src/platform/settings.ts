import * as os from 'os';
import * as vscode from 'vscode';
import { DEFAULT_PROFILE } from '../core/ociConfig/parseConfig';
import { TenancySettings } from '../core/tenancy/profileNodes';

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

export interface OciSettings {
  /** Profile name → the URL every call of that profile goes to instead of the region's endpoints. */
  readonly endpoints: Readonly<Record<string, string>>;
  /** How many compartments are listed at once. */
  readonly parallelism: number;
}

export function readOciSettings(): OciSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const endpoints = config.get<Record<string, unknown>>('oci.endpoints') ?? {};
  return {
    endpoints: Object.fromEntries(
      Object.entries(endpoints).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
    parallelism: Math.min(32, Math.max(1, Math.floor(config.get<number>('oci.parallelism') ?? 8))),
  };
}

export interface InboxStartSettings {
  /** 0 takes any free port. */
  readonly port: number;
  readonly startOnActivation: boolean;
}

export function readInboxSettings(): InboxStartSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const port = config.get<number>('inbox.port') ?? 0;
  return {
    port: Number.isInteger(port) && port >= 0 && port <= 65_535 ? port : 0,
    startOnActivation: config.get<boolean>('inbox.startOnActivation') === true,
  };
}

/** VS Code's own proxy settings, which the extension's outgoing requests follow as the editor's do. */
export function readEditorProxySettings(): { proxy?: string; strictSSL: boolean; noProxy: string[] } {
  const http = vscode.workspace.getConfiguration('http');
  return {
    proxy: http.get<string>('proxy') || undefined,
    strictSSL: http.get<boolean>('proxyStrictSSL') !== false,
    noProxy: http.get<string[]>('noProxy') ?? [],
  };
}

/** The `oew.fusion.connections` entries as written: the Fusion feature reads what it can of them. */
export function readFusionConnectionEntries(): unknown[] {
  const raw = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('fusion.connections');
  return Array.isArray(raw) ? raw : [];
}

/** The `oew.events.customEventTypes` entries as written, checked by the condition catalogue. */
export function readCustomEventTypes(): unknown {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get('events.customEventTypes', []);
}

/** Makes a profile the default of every window, as "Use as Default Profile" promises. */
export function writeDefaultProfile(name: string): Thenable<void> {
  return vscode.workspace
    .getConfiguration(SETTINGS_SECTION)
    .update('oci.profile', name, vscode.ConfigurationTarget.Global);
}

/**
 * VS Code's own switch for opening an extension's walkthrough when it is installed; the
 * extension follows it on its first start too, so one setting silences both.
 */
export function walkthroughOpensOnInstall(): boolean {
  return (
    vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall') !== false
  );
}
