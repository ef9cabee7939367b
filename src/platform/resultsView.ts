import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { ContextKey, setContext } from './contextKeys';

/** One run of a document against inputs: what each input gave, and the inputs that could not be read. */
export interface ResultsRun<R> {
  readonly document: vscode.Uri;
  readonly results: readonly R[];
  /** Inputs that could not be read, each with its reason. */
  readonly problems: readonly string[];
}

export type ResultsNode<R, D> =
  | { readonly kind: 'problem'; readonly message: string }
  | { readonly kind: 'result'; readonly result: R; readonly index: number }
  | { readonly kind: 'detail'; readonly detail: D; readonly parent: ResultsNode<R, D> };

/** What one results view shows of its results: the rest is the same for every such view. */
export interface ResultsPresentation<R, D> {
  readonly viewId: string;
  /** Set while the view has a run, so that it appears. */
  readonly contextKey: ContextKey;
  /** The rows under a result: a condition's trace, a filter's paths. */
  details(result: R): readonly D[];
  resultItem(result: R, index: number): vscode.TreeItem;
  detailItem(detail: D): vscode.TreeItem;
  /** The view's description: "3 of 5 matched". */
  summary(results: readonly R[]): string;
}

/**
 * A view of the last run of a document against its inputs, as the Condition Test and Filter
 * Evaluation views show theirs: problems first, then each input's result with its details.
 */
export class ResultsView<R, D> extends Disposable implements vscode.TreeDataProvider<ResultsNode<R, D>> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly view: vscode.TreeView<ResultsNode<R, D>>;
  private _run: ResultsRun<R> | undefined;

  constructor(private readonly presentation: ResultsPresentation<R, D>) {
    super();
    this.view = this._register(
      vscode.window.createTreeView(presentation.viewId, { treeDataProvider: this, showCollapseAll: true }),
    );
  }

  get run(): ResultsRun<R> | undefined {
    return this._run;
  }

  set run(run: ResultsRun<R> | undefined) {
    this._run = run;
    setContext(this.presentation.contextKey, !!run);
    this.view.description = run
      ? `${vscode.workspace.asRelativePath(run.document)}: ${this.presentation.summary(run.results)}`
      : undefined;
    this._onDidChangeTreeData.fire(undefined);
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${this.presentation.viewId}.focus`);
  }

  getChildren(node?: ResultsNode<R, D>): ResultsNode<R, D>[] {
    const run = this._run;
    if (!run) {
      return [];
    }
    if (!node) {
      return [
        ...run.problems.map((message) => ({ kind: 'problem' as const, message })),
        ...run.results.map((result, index) => ({ kind: 'result' as const, result, index })),
      ];
    }
    return node.kind === 'result'
      ? this.presentation.details(node.result).map((detail) => ({ kind: 'detail' as const, detail, parent: node }))
      : [];
  }

  getParent(node: ResultsNode<R, D>): ResultsNode<R, D> | undefined {
    return node.kind === 'detail' ? node.parent : undefined;
  }

  getTreeItem(node: ResultsNode<R, D>): vscode.TreeItem {
    switch (node.kind) {
      case 'problem': {
        const item = new vscode.TreeItem(node.message);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        return item;
      }
      case 'result':
        return this.presentation.resultItem(node.result, node.index);
      case 'detail':
        return this.presentation.detailItem(node.detail);
    }
  }
}
