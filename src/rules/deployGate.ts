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
      `Not deployed: the rule has ${errors.length} error${errors.length === 1 ? '' : 's'} (${errors[0].message}). The Problems view lists them; your text is kept.`,
    );
  }
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (warnings.length && !(await deployWithWarnings(warnings))) {
    throw new Error('Not deployed: you chose not to deploy with warnings. Your text is kept.');
  }
}
