import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { EventTypeCatalogue, EventTypeInfo } from '../core/condition/catalogue';
import { parseUserEventTypes, parseUserEventTypesFile, WORKSPACE_EVENT_TYPES } from '../core/condition/userEventTypes';
import { readCustomEventTypes, SETTINGS_SECTION } from '../platform/settings';
import { inBackground } from '../platform/errorBoundary';

const WORKSPACE_FILES = `**/${WORKSPACE_EVENT_TYPES}`;

/**
 * The event-type catalogue the editor uses: the shipped one, plus the user's types from the
 * `oew.events.customEventTypes` setting and every workspace's `.oew/event-types.json`, reloaded
 * when either changes. Problems in the user's files go to the log, not to a pop-up per keystroke.
 */
export class ConditionCatalogue extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private _current: EventTypeCatalogue | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(WORKSPACE_FILES));
    const reload = () => inBackground(log, 'Reading the workspace’s event types', this.reload());
    this._register(watcher.onDidChange(reload));
    this._register(watcher.onDidCreate(reload));
    this._register(watcher.onDidDelete(reload));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.events.customEventTypes`)) {
          reload();
        }
      }),
    );
  }

  /** Loaded on first use, so activating for another feature does not read the catalogue. */
  get current(): EventTypeCatalogue {
    if (!this._current) {
      this._current = EventTypeCatalogue.builtin();
      inBackground(this.log, 'Reading the workspace’s event types', this.reload());
    }
    return this._current;
  }

  async reload(): Promise<void> {
    const extra: EventTypeInfo[] = [];
    const fromSetting = parseUserEventTypes(readCustomEventTypes(), 'setting oew.events.customEventTypes');
    extra.push(...fromSetting.types);
    fromSetting.errors.forEach((e) => this.log.warn(e));
    for (const uri of await vscode.workspace.findFiles(WORKSPACE_FILES, '**/node_modules/**')) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const parsed = parseUserEventTypesFile(text, vscode.workspace.asRelativePath(uri));
        extra.push(...parsed.types);
        parsed.errors.forEach((e) => this.log.warn(e));
      } catch (err) {
        this.log.warn(`${uri.fsPath} was skipped: ${(err as Error).message}`);
      }
    }
    this._current = EventTypeCatalogue.builtin().with(extra);
    this._onDidChange.fire();
  }
}
