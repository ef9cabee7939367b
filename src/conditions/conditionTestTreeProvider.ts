import * as path from 'path';
import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { formatTraceLine } from '../core/condition/formatTrace';
import { TraceLine } from '../core/condition/matcher';
import { ConditionTestResult } from '../core/condition/testCondition';
import { ConditionTestModel } from './conditionTestModel';

export type ConditionTestNode =
  | { readonly kind: 'result'; readonly result: ConditionTestResult; readonly index: number }
  | { readonly kind: 'trace'; readonly line: TraceLine; readonly parent: ConditionTestNode }
  | { readonly kind: 'problem'; readonly message: string };

export class ConditionTestTreeProvider extends Disposable implements vscode.TreeDataProvider<ConditionTestNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  constructor(private readonly model: ConditionTestModel) {
    super();
    this._register(model.onDidChange(() => this._onDidChangeTreeData.fire(undefined)));
  }

  getChildren(node?: ConditionTestNode): ConditionTestNode[] {
    const run = this.model.run;
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
      ? node.result.trace.map((line) => ({ kind: 'trace' as const, line, parent: node }))
      : [];
  }

  getParent(node: ConditionTestNode): ConditionTestNode | undefined {
    return node.kind === 'trace' ? node.parent : undefined;
  }

  getTreeItem(node: ConditionTestNode): vscode.TreeItem {
    switch (node.kind) {
      case 'problem': {
        const item = new vscode.TreeItem(node.message);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        return item;
      }
      case 'result': {
        const { result } = node;
        // A failed event opens on its trace, so the failing clause is in view.
        const item = new vscode.TreeItem(
          result.sample.label,
          result.matched ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = `result:${node.index}:${result.sample.label}`;
        item.description = `${result.matched ? 'matched' : 'no match'} · ${result.sample.origin === 'generated' ? 'generated' : path.basename(result.sample.origin)}`;
        item.iconPath = result.matched
          ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
          : new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
        item.contextValue =
          result.sample.origin === 'generated' ? 'oew.conditionTest.generated' : 'oew.conditionTest.sample';
        item.tooltip = JSON.stringify(result.sample.event, null, 2);
        return item;
      }
      case 'trace': {
        const item = new vscode.TreeItem(node.line.path);
        item.description = formatTraceLine(node.line);
        item.tooltip = formatTraceLine(node.line);
        item.iconPath = node.line.warning
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon(node.line.matched ? 'check' : 'close');
        return item;
      }
    }
  }
}
