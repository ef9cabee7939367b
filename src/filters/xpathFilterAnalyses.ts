import * as vscode from 'vscode';
import type { FilterAnalysis } from '../core/xpath';
import { XPathCore } from '../platform/bundles';

export const XPATH_FILTER_LANGUAGE = 'oic-xpath-filter';
export const XPATH_FILTER_SELECTOR: vscode.DocumentSelector = { language: XPATH_FILTER_LANGUAGE };

/** One analysis per document version, shared by diagnostics, fixes, completion and hover. */
export class XPathFilterAnalyses {
  constructor(readonly core: () => typeof XPathCore) {}

  private readonly cache = new WeakMap<vscode.TextDocument, { version: number; analysis: FilterAnalysis }>();

  get(document: vscode.TextDocument): FilterAnalysis {
    const cached = this.cache.get(document);
    if (cached?.version === document.version) {
      return cached.analysis;
    }
    const analysis = this.core().analyzeFilter(document.getText());
    this.cache.set(document, { version: document.version, analysis });
    return analysis;
  }
}
