import { mkdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { demoConfigText } from '../../scripts/demoHome';
import type { WorkbenchApi } from '../../src/workbenchApi';
import type { TenancyNode } from '../../src/core/tenancy/profileNodes';

export const EXTENSION_ID = 'oew.oci-event-workbench';

/** The launcher gives the host a fake home, so this is never the real ~/.oci/config. */
export const CONFIG_FILE = path.join(os.homedir(), '.oci', 'config');

export async function api(): Promise<WorkbenchApi> {
  const extension = vscode.extensions.getExtension<WorkbenchApi | undefined>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded`);
  }
  const workbench = await extension.activate();
  if (!workbench) {
    throw new Error(`${EXTENSION_ID} returned no test API: the host is not in test mode`);
  }
  return workbench;
}

export function writeConfig(text: string, file = CONFIG_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function removeConfig(file = CONFIG_FILE): void {
  rmSync(file, { force: true });
}

/** Polls until `read` returns a value `accept` takes, so a test waits for the view, not a fixed time. */
export async function waitFor<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) {
      return last;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

export interface Row {
  label: string;
  description: string;
  contextValue?: string;
  command?: vscode.Command;
}

/** The Tenancy view's top-level rows as a user sees them: label and description. */
export async function tenancyRows(): Promise<Row[]> {
  const { tenancy } = await api();
  const nodes: TenancyNode[] = tenancy.model.roots();
  return nodes.map((node) => {
    const item = tenancy.provider.getTreeItem(node);
    return {
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: typeof item.description === 'string' ? item.description : '',
      contextValue: item.contextValue,
      command: item.command,
    };
  });
}

export const SAMPLE_CONFIG = demoConfigText('20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34');

export async function resetSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('oew');
  await config.update('oci.configFile', undefined, vscode.ConfigurationTarget.Global);
  await config.update('oci.profile', undefined, vscode.ConfigurationTarget.Global);
}

/** Writes a file into the test workspace (made up of files each test writes). */
export function workspaceFile(relative: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const file = path.join(folder, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/**
 * The messages the extension shows while `run` runs, such as the error boundary's, read by
 * standing in for the window's message functions (the extension and its tests share one API
 * object).
 */
export async function messagesShownBy(run: () => Thenable<unknown>): Promise<{ errors: string[]; infos: string[] }> {
  const window = vscode.window as { showErrorMessage: unknown; showInformationMessage: unknown };
  const { showErrorMessage, showInformationMessage } = window;
  const shown = { errors: [] as string[], infos: [] as string[] };
  window.showErrorMessage = (message: string) => (shown.errors.push(message), Promise.resolve(undefined));
  window.showInformationMessage = (message: string) => (shown.infos.push(message), Promise.resolve(undefined));
  try {
    await run();
  } finally {
    window.showErrorMessage = showErrorMessage;
    window.showInformationMessage = showInformationMessage;
  }
  return shown;
}

/** Forgets the Fusion connection's password and removes the connection from the settings. */
export async function forgetFusionConnections(): Promise<void> {
  const { fusion } = await api();
  const [connection] = fusion.model.connections();
  if (connection) {
    await vscode.commands.executeCommand('oew.fusion.forgetPassword', connection);
  }
  await vscode.workspace
    .getConfiguration('oew')
    .update('fusion.connections', undefined, vscode.ConfigurationTarget.Global);
}

/** Answers the next question that contains `question` with the button `action` (undefined: Cancel), as a user would. */
export async function answerNext(question: string, action: string | undefined): Promise<void> {
  (await api()).prompts.script({ to: question, answer: action });
}

/** Answers questions in order, each by a text it contains: a label to pick, a text to type, undefined for Escape. */
export async function answer(...answers: [question: string, answer: string | undefined][]): Promise<void> {
  (await api()).prompts.script(...answers.map(([to, answer]) => ({ to, answer })));
}
