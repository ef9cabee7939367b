import * as vscode from 'vscode';
import { toRange } from '../platform/textRange';
import { XPathFilterAnalyses } from './xpathFilterAnalyses';

export class XPathFilterHover implements vscode.HoverProvider {
  constructor(private readonly analyses: XPathFilterAnalyses) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const info = this.analyses.core().hoverFilter(this.analyses.get(document), document.offsetAt(position));
    return (
      info && new vscode.Hover(new vscode.MarkdownString(info.contents), toRange(document, info.offset, info.length))
    );
  }
}
