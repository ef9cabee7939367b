import * as vscode from 'vscode';
import { Disposable } from '../../base/disposable';
import { CONDITION_SELECTOR, ConditionAnalyses } from './conditionAnalyses';
import { ConditionCatalogue } from './conditionCatalogue';
import { ConditionCodeActions } from './conditionCodeActions';
import { ConditionCodeLens } from './conditionCodeLens';
import { ConditionCompletion } from './conditionCompletion';
import { ConditionDiagnostics } from './conditionDiagnostics';
import { ConditionFormatting } from './conditionFormatting';
import { ConditionHover } from './conditionHover';

/** The language features of OCI Events rule conditions (`*.condition.json`). */
export class ConditionLanguage extends Disposable {
  readonly catalogue: ConditionCatalogue;

  constructor(log: vscode.LogOutputChannel) {
    super();
    this.catalogue = this._register(new ConditionCatalogue(log));
    const analyses = this._register(new ConditionAnalyses(this.catalogue));
    this._register(new ConditionDiagnostics(analyses));
    this._register(
      vscode.languages.registerCodeActionsProvider(CONDITION_SELECTOR, new ConditionCodeActions(analyses), {
        providedCodeActionKinds: ConditionCodeActions.kinds,
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
