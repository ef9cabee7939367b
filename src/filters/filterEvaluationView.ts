import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { FilterEvaluationModel } from './filterEvaluationModel';
import { FilterEvaluationTreeProvider } from './filterEvaluationTreeProvider';

export const FILTER_EVALUATION_VIEW_ID = 'oew.filterEvaluation';

export class FilterEvaluationView extends Disposable {
  readonly model = this._register(new FilterEvaluationModel());
  readonly provider = this._register(new FilterEvaluationTreeProvider(this.model));
  private readonly view = this._register(
    vscode.window.createTreeView(FILTER_EVALUATION_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }),
  );

  constructor() {
    super();
    this._register(
      this.model.onDidChange(() => {
        const run = this.model.run;
        const matched = run?.results.filter((r) => r.evaluation.value).length ?? 0;
        this.view.description = run
          ? `${vscode.workspace.asRelativePath(run.document)}: true for ${matched} of ${run.results.length}`
          : undefined;
      }),
    );
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${FILTER_EVALUATION_VIEW_ID}.focus`);
  }
}
