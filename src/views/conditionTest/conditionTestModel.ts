import * as vscode from 'vscode';
import { Disposable } from '../../base/disposable';
import { ConditionTestResult } from '../../core/condition/testCondition';

export interface ConditionTestRun {
  readonly document: vscode.Uri;
  readonly results: readonly ConditionTestResult[];
  /** Sample files that could not be read, each with its reason. */
  readonly problems: readonly string[];
}

/** The last "Test against sample events" run, which the Condition Test view shows. */
export class ConditionTestModel extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private _run: ConditionTestRun | undefined;

  get run(): ConditionTestRun | undefined {
    return this._run;
  }

  set run(run: ConditionTestRun | undefined) {
    this._run = run;
    void vscode.commands.executeCommand('setContext', 'oew.conditionTest.hasResults', !!run);
    this._onDidChange.fire();
  }
}
