import * as l10n from '@vscode/l10n';

/**
 * Loads the translation the extension put in the page, when VS Code has one for the editor's
 * language: run first, before anything is drawn. Without one, `l10n.t` gives the English.
 */
export function loadTranslation(): void {
  const text = document.getElementById('app')?.dataset.l10n;
  if (text) {
    l10n.config({ contents: JSON.parse(text) as Record<string, string> });
  }
}
