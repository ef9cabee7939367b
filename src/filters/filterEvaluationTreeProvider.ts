import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import type { PathResult } from '../core/xpath';
import { FilterEvaluationModel, PayloadEvaluation } from './filterEvaluationModel';

export type FilterEvaluationNode =
  | { readonly kind: 'payload'; readonly result: PayloadEvaluation; readonly index: number }
  | { readonly kind: 'path'; readonly path: PathResult; readonly parent: FilterEvaluationNode }
  | { readonly kind: 'problem'; readonly message: string };

export class FilterEvaluationTreeProvider extends Disposable implements vscode.TreeDataProvider<FilterEvaluationNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  constructor(private readonly model: FilterEvaluationModel) {
    super();
    this._register(model.onDidChange(() => this._onDidChangeTreeData.fire(undefined)));
  }

  getChildren(node?: FilterEvaluationNode): FilterEvaluationNode[] {
    const run = this.model.run;
    if (!run) {
      return [];
    }
    if (!node) {
      return [
        ...run.problems.map((message) => ({ kind: 'problem' as const, message })),
        ...run.results.map((result, index) => ({ kind: 'payload' as const, result, index })),
      ];
    }
    return node.kind === 'payload'
      ? node.result.evaluation.paths.map((path) => ({ kind: 'path' as const, path, parent: node }))
      : [];
  }

  getParent(node: FilterEvaluationNode): FilterEvaluationNode | undefined {
    return node.kind === 'path' ? node.parent : undefined;
  }

  getTreeItem(node: FilterEvaluationNode): vscode.TreeItem {
    switch (node.kind) {
      case 'problem': {
        const item = new vscode.TreeItem(node.message);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        return item;
      }
      case 'payload':
        return payloadItem(node.result, node.index);
      case 'path': {
        const { path } = node;
        const item = new vscode.TreeItem(path.path);
        const values = path.nodes.map((n) => JSON.stringify(n.value)).join(', ');
        item.description = `${path.count} node${path.count === 1 ? '' : 's'}${values ? `: ${values}` : ''}${path.count > path.nodes.length ? ', …' : ''}`;
        item.tooltip = path.count
          ? item.description
          : 'Selects nothing in this payload: check the prefixes’ namespaces and the path.';
        item.iconPath = new vscode.ThemeIcon(path.count ? 'symbol-field' : 'circle-slash');
        return item;
      }
    }
  }
}

function payloadItem(result: PayloadEvaluation, index: number): vscode.TreeItem {
  const { evaluation } = result;
  const item = new vscode.TreeItem(
    result.label,
    evaluation.paths.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `payload:${index}:${result.label}`;
  item.description = evaluation.error ? 'error' : String(evaluation.value);
  item.tooltip = evaluation.error ?? `The filter is ${evaluation.value} for this payload.`;
  item.iconPath = evaluation.error
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : evaluation.value
      ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('testing.iconFailed'));
  item.command =
    'file' in result.origin
      ? { title: 'Open Payload', command: 'vscode.open', arguments: [result.origin.file] }
      : { title: 'Open Payload', command: 'oew.xpath.openGeneratedPayload', arguments: [result.origin.generated] };
  return item;
}
