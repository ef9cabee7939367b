import * as vscode from 'vscode';
import type { Finding } from '../core/condition/findings';

/**
 * What stops a deploy: any error (the message points at the Problems view), or warnings the
 * user chose not to deploy with, asked once. Throws with a message that says the text is kept.
 */
export async function checkBeforeDeploy(
  findings: readonly Finding[],
  deployWithWarnings: (warnings: readonly Finding[]) => Thenable<boolean>,
): Promise<void> {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new Error(
      errors.length === 1
        ? vscode.l10n.t(
            'Not deployed: the rule has 1 error ({0}). The Problems view lists them; your text is kept.',
            errors[0].message,
          )
        : vscode.l10n.t(
            'Not deployed: the rule has {0} errors ({1}). The Problems view lists them; your text is kept.',
            errors.length,
            errors[0].message,
          ),
    );
  }
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (warnings.length && !(await deployWithWarnings(warnings))) {
    throw new Error(vscode.l10n.t('Not deployed: you chose not to deploy with warnings. Your text is kept.'));
  }
}
