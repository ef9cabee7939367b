import * as vscode from 'vscode';
import { Disposable } from './disposable';

/** The last run of something a results view shows, with the context key that makes the view appear. */
export class RunModel<Run> extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private _run: Run | undefined;

  constructor(private readonly contextKey: string) {
    super();
  }

  get run(): Run | undefined {
    return this._run;
  }

  set run(run: Run | undefined) {
    this._run = run;
    void vscode.commands.executeCommand('setContext', this.contextKey, !!run);
    this._onDidChange.fire();
  }
}
