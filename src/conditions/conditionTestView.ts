import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { ConditionTestModel } from './conditionTestModel';
import { ConditionTestTreeProvider } from './conditionTestTreeProvider';

export const CONDITION_TEST_VIEW_ID = 'oew.conditionTest';

export class ConditionTestView extends Disposable {
  readonly model = this._register(new ConditionTestModel());
  readonly provider = this._register(new ConditionTestTreeProvider(this.model));
  private readonly view = this._register(
    vscode.window.createTreeView(CONDITION_TEST_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }),
  );

  constructor() {
    super();
    this._register(
      this.model.onDidChange(() => {
        const run = this.model.run;
        const matched = run?.results.filter((r) => r.matched).length ?? 0;
        this.view.description = run
          ? `${vscode.workspace.asRelativePath(run.document)}: ${matched} of ${run.results.length} matched`
          : undefined;
      }),
    );
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${CONDITION_TEST_VIEW_ID}.focus`);
  }
}
