import * as vscode from 'vscode';
import { Disposable } from '../../base/disposable';
import { analyzeCondition, ConditionAnalysis } from '../../core/condition/analyzeCondition';
import { ConditionCatalogue } from './conditionCatalogue';

export const CONDITION_LANGUAGE = 'oci-event-condition';
export const CONDITION_SELECTOR: vscode.DocumentSelector = { language: CONDITION_LANGUAGE };

/** One analysis per document version, shared by diagnostics, fixes, completion and hover. */
export class ConditionAnalyses extends Disposable {
  private readonly cache = new WeakMap<vscode.TextDocument, { version: number; analysis: ConditionAnalysis }>();

  constructor(readonly catalogue: ConditionCatalogue) {
    super();
    this._register(catalogue.onDidChange(() => this.clear()));
  }

  get(document: vscode.TextDocument): ConditionAnalysis {
    const cached = this.cache.get(document);
    if (cached?.version === document.version) {
      return cached.analysis;
    }
    const analysis = analyzeCondition(document.getText(), this.catalogue.current);
    this.cache.set(document, { version: document.version, analysis });
    return analysis;
  }

  private clear(): void {
    for (const document of vscode.workspace.textDocuments) {
      this.cache.delete(document);
    }
  }
}
