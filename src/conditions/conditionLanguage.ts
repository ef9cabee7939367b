import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { FindingCodeActions } from '../platform/findingCodeActions';
import { FindingDiagnostics } from '../platform/findingDiagnostics';
import { CONDITION_LANGUAGE, CONDITION_SELECTOR, ConditionAnalyses, RULE_LANGUAGE } from './conditionAnalyses';
import { ConditionCatalogue } from './conditionCatalogue';
import { ConditionCodeLens } from './conditionCodeLens';
import { ConditionCompletion } from './conditionCompletion';
import { ConditionFormatting } from './conditionFormatting';
import { ConditionHover } from './conditionHover';

/** The language features of OCI Events rule conditions (`*.condition.json`), also inside rule documents (`*.rule.json`). */
export class ConditionLanguage extends Disposable {
  readonly catalogue: ConditionCatalogue;

  constructor(log: vscode.LogOutputChannel) {
    super();
    this.catalogue = this._register(new ConditionCatalogue(log));
    const analyses = this._register(new ConditionAnalyses(this.catalogue));
    const findings = (document: vscode.TextDocument) => analyses.findings(document);
    for (const [languageId, label] of [
      [CONDITION_LANGUAGE, vscode.l10n.t('OCI condition')],
      [RULE_LANGUAGE, vscode.l10n.t('OCI rule')],
    ] as const) {
      this._register(new FindingDiagnostics({ languageId, label, findings, onDidChange: this.catalogue.onDidChange }));
    }
    this._register(
      vscode.languages.registerCodeActionsProvider(CONDITION_SELECTOR, new FindingCodeActions(findings), {
        providedCodeActionKinds: FindingCodeActions.kinds,
      }),
    );
    this._register(
      vscode.languages.registerCompletionItemProvider(
        CONDITION_SELECTOR,
        new ConditionCompletion(analyses),
        ...ConditionCompletion.triggerCharacters,
      ),
    );
    this._register(vscode.languages.registerHoverProvider(CONDITION_SELECTOR, new ConditionHover(analyses)));
    this._register(
      vscode.languages.registerDocumentFormattingEditProvider(CONDITION_SELECTOR, new ConditionFormatting()),
    );
    this._register(vscode.languages.registerCodeLensProvider(CONDITION_SELECTOR, new ConditionCodeLens()));
  }
}
