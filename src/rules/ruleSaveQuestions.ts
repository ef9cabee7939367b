import * as vscode from 'vscode';
import type { Finding } from '../core/condition/findings';
import { prompts } from '../platform/prompts';

/** Whether to deploy a rule despite warnings; asked once per save or deploy. */
export async function askDeployWithWarnings(rule: string, warnings: readonly Finding[]): Promise<boolean> {
  const detail =
    warnings.length > 1 ? vscode.l10n.t('{0} The Problems view lists all.', warnings[0].message) : warnings[0].message;
  const question =
    warnings.length === 1
      ? vscode.l10n.t('Rule {0} has 1 warning. Deploy it anyway?', rule)
      : vscode.l10n.t('Rule {0} has {1} warnings. Deploy it anyway?', rule, warnings.length);
  return prompts.confirm(question, detail, vscode.l10n.t('Deploy'));
}

/** After a 412, with the diff open: what to do with the user's text. */
export async function askResolveConflict(rule: string): Promise<'mine' | 'theirs' | undefined> {
  const mine = vscode.l10n.t('Overwrite with Mine');
  const theirs = vscode.l10n.t('Take Theirs');
  const choice = await prompts.choose(
    vscode.l10n.t('Someone changed rule {0} since you opened it.', rule),
    {
      modal: true,
      detail: vscode.l10n.t(
        'The diff shows their version beside yours. Overwrite with Mine deploys your text over theirs; Take Theirs shows their version here and opens yours in a new editor. Your text is kept whichever you choose.',
      ),
    },
    // The safe choice first: Enter never overwrites someone's change.
    theirs,
    mine,
  );
  return choice === mine ? 'mine' : choice === theirs ? 'theirs' : undefined;
}
