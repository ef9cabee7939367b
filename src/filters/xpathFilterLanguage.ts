import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { FindingCodeActions } from '../platform/findingCodeActions';
import { FindingDiagnostics } from '../platform/findingDiagnostics';
import { XPATH_FILTER_LANGUAGE, XPATH_FILTER_SELECTOR, XPathFilterAnalyses } from './xpathFilterAnalyses';
import { XPathFilterCodeLens } from './xpathFilterCodeLens';
import { XPathFilterCompletion } from './xpathFilterCompletion';
import { XPathCore } from '../platform/bundles';
import { XPathFilterHover } from './xpathFilterHover';

/** The language features of OIC event filters (`*.xpathfilter`). */
export class XPathFilterLanguage extends Disposable {
  constructor(core: () => typeof XPathCore) {
    super();
    const analyses = new XPathFilterAnalyses(core);
    const findings = (document: vscode.TextDocument) => analyses.get(document).findings;
    this._register(
      new FindingDiagnostics({ languageId: XPATH_FILTER_LANGUAGE, label: vscode.l10n.t('OIC filter'), findings }),
    );
    this._register(
      vscode.languages.registerCodeActionsProvider(XPATH_FILTER_SELECTOR, new FindingCodeActions(findings), {
        providedCodeActionKinds: FindingCodeActions.kinds,
      }),
    );
    this._register(
      vscode.languages.registerCompletionItemProvider(
        XPATH_FILTER_SELECTOR,
        new XPathFilterCompletion(analyses),
        ...XPathFilterCompletion.triggerCharacters,
      ),
    );
    this._register(vscode.languages.registerHoverProvider(XPATH_FILTER_SELECTOR, new XPathFilterHover(analyses)));
    this._register(vscode.languages.registerCodeLensProvider(XPATH_FILTER_SELECTOR, new XPathFilterCodeLens()));
  }
}
