import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { analyzeCondition, ConditionAnalysis } from '../core/condition/analyzeCondition';
import { checkDocument } from '../core/condition/checkDocument';
import { Finding } from '../core/condition/findings';
import { ConditionCatalogue } from './conditionCatalogue';

export const CONDITION_LANGUAGE = 'oci-event-condition';
/** `*.rule.json` and the rules opened from the Tenancy view (`oci-rule:`): a condition inside a rule. */
export const RULE_LANGUAGE = 'oci-event-rule';
export const CONDITION_SELECTOR: vscode.DocumentSelector = [
  { language: CONDITION_LANGUAGE },
  { language: RULE_LANGUAGE },
];

/** A document's condition: its analysis, and where its text starts in the document. */
export interface ConditionRegion {
  readonly analysis: ConditionAnalysis;
  /** The condition's text: the whole document, or a rule document's `condition` object. */
  readonly text: string;
  readonly base: number;
}

interface Cached {
  readonly version: number;
  readonly findings: Finding[];
  readonly region: ConditionRegion | undefined;
}

/** One analysis per document version, shared by diagnostics, fixes, completion and hover. */
export class ConditionAnalyses extends Disposable {
  private readonly cache = new WeakMap<vscode.TextDocument, Cached>();

  constructor(readonly catalogue: ConditionCatalogue) {
    super();
    this._register(catalogue.onDidChange(() => this.clear()));
  }

  findings(document: vscode.TextDocument): Finding[] {
    return this.get(document).findings;
  }

  /** The condition of a document; a rule document whose condition is not an object has none to complete in. */
  region(document: vscode.TextDocument): ConditionRegion | undefined {
    return this.get(document).region;
  }

  private get(document: vscode.TextDocument): Cached {
    const cached = this.cache.get(document);
    if (cached?.version === document.version) {
      return cached;
    }
    const text = document.getText();
    const catalogue = this.catalogue.current;
    let entry: Cached;
    if (document.languageId === RULE_LANGUAGE) {
      const checked = checkDocument(text, catalogue, 'rule');
      entry = { version: document.version, findings: checked.findings, region: checked.condition };
    } else {
      const analysis = analyzeCondition(text, catalogue);
      entry = { version: document.version, findings: analysis.findings, region: { analysis, text, base: 0 } };
    }
    this.cache.set(document, entry);
    return entry;
  }

  private clear(): void {
    for (const document of vscode.workspace.textDocuments) {
      this.cache.delete(document);
    }
  }
}
