import * as vscode from 'vscode';
import { hoverCondition } from '../core/condition/hover';
import { toRange } from '../platform/textRange';
import { ConditionAnalyses } from './conditionAnalyses';

export class ConditionHover implements vscode.HoverProvider {
  constructor(private readonly analyses: ConditionAnalyses) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const region = this.analyses.region(document);
    if (!region) {
      return undefined;
    }
    const info = hoverCondition(
      region.analysis.root,
      document.offsetAt(position) - region.base,
      this.analyses.catalogue.current,
    );
    return (
      info &&
      new vscode.Hover(
        new vscode.MarkdownString(info.contents),
        toRange(document, info.offset + region.base, info.length),
      )
    );
  }
}
