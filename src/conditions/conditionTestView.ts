import * as path from 'path';
import * as vscode from 'vscode';
import { formatTraceLine } from '../core/condition/formatTrace';
import { TraceLine } from '../core/condition/matcher';
import { ConditionTestResult } from '../core/condition/testCondition';
import { ResultsNode, ResultsView } from '../platform/resultsView';

export const CONDITION_TEST_VIEW_ID = 'oew.conditionTest';

export type ConditionTestNode = ResultsNode<ConditionTestResult, TraceLine>;
export type ConditionTestView = ResultsView<ConditionTestResult, TraceLine>;

/** The last "Test against sample events" run: each event, matched or not, with the trace of its clauses. */
export function conditionTestView(): ConditionTestView {
  return new ResultsView<ConditionTestResult, TraceLine>({
    viewId: CONDITION_TEST_VIEW_ID,
    contextKey: 'oew.conditionTest.hasResults',
    details: (result) => result.trace,
    summary: (results) => `${results.filter((r) => r.matched).length} of ${results.length} matched`,
    resultItem: (result, index) => {
      // A failed event opens on its trace, so the failing clause is in view.
      const item = new vscode.TreeItem(
        result.sample.label,
        result.matched ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `result:${index}:${result.sample.label}`;
      item.description = `${result.matched ? 'matched' : 'no match'} · ${result.sample.origin === 'generated' ? 'generated' : path.basename(result.sample.origin)}`;
      item.iconPath = result.matched
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
      item.contextValue =
        result.sample.origin === 'generated' ? 'oew.conditionTest.generated' : 'oew.conditionTest.sample';
      item.tooltip = JSON.stringify(result.sample.event, null, 2);
      return item;
    },
    detailItem: (line) => {
      const item = new vscode.TreeItem(line.path);
      item.description = formatTraceLine(line);
      item.tooltip = formatTraceLine(line);
      item.iconPath = line.warning
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon(line.matched ? 'check' : 'close');
      return item;
    },
  });
}
