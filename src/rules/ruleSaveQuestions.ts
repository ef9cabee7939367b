import type { Finding } from '../core/condition/findings';
import { prompts } from '../platform/prompts';

const CONFLICT_CHOICES = { mine: 'Overwrite with Mine', theirs: 'Take Theirs' } as const;

/** Whether to deploy a rule despite warnings; asked once per save or deploy. */
export async function askDeployWithWarnings(rule: string, warnings: readonly Finding[]): Promise<boolean> {
  const detail = `${warnings[0].message}${warnings.length > 1 ? ' The Problems view lists all.' : ''}`;
  const question = `Rule ${rule} has ${warnings.length} warning${warnings.length === 1 ? '' : 's'}. Deploy it anyway?`;
  return prompts.confirm(question, detail, 'Deploy');
}

/** After a 412, with the diff open: what to do with the user's text. */
export async function askResolveConflict(rule: string): Promise<'mine' | 'theirs' | undefined> {
  const choice = await prompts.choose(
    `Someone changed rule ${rule} since you opened it.`,
    {
      modal: true,
      detail:
        'The diff shows their version beside yours. Overwrite with Mine deploys your text over theirs; Take Theirs shows their version here and opens yours in a new editor. Your text is kept whichever you choose.',
    },
    // The safe choice first: Enter never overwrites someone's change.
    CONFLICT_CHOICES.theirs,
    CONFLICT_CHOICES.mine,
  );
  return choice === CONFLICT_CHOICES.mine ? 'mine' : choice === CONFLICT_CHOICES.theirs ? 'theirs' : undefined;
}
