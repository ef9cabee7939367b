import * as vscode from 'vscode';
import { formatTraceLine } from '../core/condition/formatTrace';
import { TraceLine } from '../core/condition/matcher';
import { ConditionTestResult } from '../core/condition/testCondition';
import { resultLabel, resultTooltip, traceRow } from '../core/condition/testResultText';
import { ResultsNode, ResultsView } from '../platform/resultsView';

export const CONDITION_TEST_VIEW_ID = 'oew.conditionTest';

export type ConditionTestNode = ResultsNode<ConditionTestResult, TraceLine>;
export type ConditionTestView = ResultsView<ConditionTestResult, TraceLine>;

/**
 * The last "Test against sample events" run: each event, matched or not, with the trace of its
 * clauses. Rows are short enough for a side bar; hovers and the opened event hold the whole trace.
 */
export function conditionTestView(): ConditionTestView {
  return new ResultsView<ConditionTestResult, TraceLine>({
    viewId: CONDITION_TEST_VIEW_ID,
    contextKey: 'oew.conditionTest.hasResults',
    details: (result) => result.trace,
    summary: (results) => vscode.l10n.t('{0} of {1} matched', results.filter((r) => r.matched).length, results.length),
    resultItem: (result, index) => {
      // A failed event opens on its trace, so the failing clause is in view.
      const item = new vscode.TreeItem(
        resultLabel(result),
        result.matched ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `result:${index}:${result.sample.label}`;
      // The verdict alone: the failing clause is a row under it, with a cross.
      item.description = result.matched ? vscode.l10n.t('match') : vscode.l10n.t('no match');
      item.iconPath = result.matched
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
      item.contextValue =
        result.sample.origin === 'generated' ? 'oew.conditionTest.generated' : 'oew.conditionTest.sample';
      item.tooltip = resultTooltip(result);
      const node: ConditionTestNode = { kind: 'result', result, index };
      item.command = { title: vscode.l10n.t('Open Event'), command: 'oew.condition.openEvent', arguments: [node] };
      return item;
    },
    detailItem: (line) => {
      const row = traceRow(line);
      const item = new vscode.TreeItem(row.label);
      item.description = row.description;
      item.tooltip = formatTraceLine(line);
      item.iconPath = line.warning
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon(line.matched ? 'check' : 'close');
      return item;
    },
  });
}
