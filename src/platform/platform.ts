import * as path from 'path';
import * as vscode from 'vscode';
import { Bundles, bundlesOf } from './bundles';
import { Command, commandTitles, registerCommands } from './commands';
import { Disposable } from './disposable';

/**
 * What every feature is built on: the extension's context, the one log, the lazily loaded
 * bundles, and the lifetime of what features create. Features are disposed newest first, so
 * the log and the tenancy's clients, made first, outlive the emulator and inbox that use them.
 */
export class Platform extends Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly bundles: Bundles;
  /** Read once from the manifest, for every feature's commands. */
  private readonly titles: ReadonlyMap<string, string>;

  constructor(readonly extension: vscode.ExtensionContext) {
    super();
    this.log = this._register(vscode.window.createOutputChannel('OCI Event Workbench', { log: true }));
    // Where V8 keeps the compiled code of the bundles loaded on first use.
    const codeCache = path.join(extension.globalStorageUri.fsPath, 'code-cache');
    this.bundles = bundlesOf(extension.extensionPath, codeCache);
    this.titles = commandTitles(extension);
  }

  /** Keeps `value` until the extension deactivates. */
  own<T extends vscode.Disposable>(value: T): T {
    return this._register(value);
  }

  /** Registers a feature's commands over the services they use. */
  registerCommands<Ctx>(ctx: Ctx, commands: readonly Command<Ctx>[]): void {
    registerCommands(this.titles, this.log, ctx, commands).forEach((d) => this._register(d));
  }

  /** A folder of the extension's own storage, global or this workspace's; undefined for a window with no folder. */
  storagePath(name: string, scope: 'global' | 'workspace'): string | undefined {
    const base = scope === 'global' ? this.extension.globalStorageUri : this.extension.storageUri;
    return base && path.join(base.fsPath, name);
  }
}
