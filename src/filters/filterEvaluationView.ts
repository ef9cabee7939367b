import { posix } from 'path';
import * as vscode from 'vscode';
import { lastStepLabel } from '../core/xpath/pathLabel';
import type { Evaluation, PathResult } from '../core/xpath';
import { ResultsNode, ResultsView } from '../platform/resultsView';

export const FILTER_EVALUATION_VIEW_ID = 'oew.filterEvaluation';

/** Starts the label of the payload generated for the filter's event. */
export const GENERATED_PREFIX = 'generated: ';

export interface PayloadEvaluation {
  readonly label: string;
  /** The payload file, or the generated sample's text. */
  readonly origin: { readonly file: vscode.Uri } | { readonly generated: string };
  readonly evaluation: Evaluation;
}

export type FilterEvaluationNode = ResultsNode<PayloadEvaluation, PathResult>;
export type FilterEvaluationView = ResultsView<PayloadEvaluation, PathResult>;

/** The last "Evaluate against payloads" run: the filter's value for each payload, with what each path selected. */
export function filterEvaluationView(): FilterEvaluationView {
  return new ResultsView<PayloadEvaluation, PathResult>({
    viewId: FILTER_EVALUATION_VIEW_ID,
    contextKey: 'oew.filterEvaluation.hasResults',
    details: (result) => result.evaluation.paths,
    summary: (results) =>
      vscode.l10n.t('true for {0} of {1}', results.filter((r) => r.evaluation.value).length, results.length),
    resultItem: payloadItem,
    detailItem: (path) => {
      // The last step: what the path selects, readable at the default width; the tooltip has it all.
      const item = new vscode.TreeItem(lastStepLabel(path.path));
      const values = path.nodes.map((n) => JSON.stringify(n.value)).join(', ');
      item.description = `${path.count === 1 ? vscode.l10n.t('1 node') : vscode.l10n.t('{0} nodes', path.count)}${values ? `: ${values}` : ''}${path.count > path.nodes.length ? ', …' : ''}`;
      item.tooltip = `${path.path}\n${
        path.count
          ? item.description
          : vscode.l10n.t('Selects nothing in this payload: check the prefixes’ namespaces and the path.')
      }`;
      item.iconPath = new vscode.ThemeIcon(path.count ? 'symbol-field' : 'circle-slash');
      return item;
    },
  });
}

function payloadItem(result: PayloadEvaluation, index: number): vscode.TreeItem {
  const { evaluation } = result;
  // The file's name, not its path, and the event's, not "generated: …": readable at the default
  // width; the folder, the same for every payload, is in the tooltip.
  const generated = !('file' in result.origin);
  const item = new vscode.TreeItem(
    'file' in result.origin ? posix.basename(result.origin.file.path) : result.label.replace(GENERATED_PREFIX, ''),
    evaluation.paths.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `payload:${index}:${result.label}`;
  const outcome = evaluation.error ? vscode.l10n.t('error') : String(evaluation.value);
  item.description = generated ? vscode.l10n.t('generated · {0}', outcome) : outcome;
  item.contextValue = evaluation.error ? 'oew.filterEvaluation.error' : 'oew.filterEvaluation.payload';
  item.tooltip = `${result.label}\n${evaluation.error ?? vscode.l10n.t('The filter is {0} for this payload.', String(evaluation.value))}`;
  item.iconPath = evaluation.error
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : evaluation.value
      ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('testing.iconFailed'));
  item.command =
    'file' in result.origin
      ? { title: vscode.l10n.t('Open Payload'), command: 'vscode.open', arguments: [result.origin.file] }
      : {
          title: vscode.l10n.t('Open Payload'),
          command: 'oew.xpath.openGeneratedPayload',
          arguments: [result.origin.generated],
        };
  return item;
}
