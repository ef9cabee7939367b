import * as vscode from 'vscode';
import { ProfileNode } from '../../core/tenancy/profileNodes';
import { profileArgument } from '../pickProfile';
import { prompts } from '../../platform/prompts';
import { profileRow } from '../../core/tenancy/tenancyArgs';
import { optional, text } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

/**
 * Points a profile at another region for this editor only; the config file is not touched.
 * `region` skips the picker (for key bindings and tests); an empty string goes back to the file's.
 */
export const switchRegion = tenancyCommand({
  id: 'oew.tenancy.switchRegion',
  args: [optional(profileRow), optional(text)],
  run: async (ctx, node?: ProfileNode, region?: string) => {
    const target = await profileArgument(ctx, node);
    if (!target) {
      return;
    }
    const fileRegion = target.profile.region;
    const chosen = region ?? (await pickRegion(ctx.oci.regionIds(), target, fileRegion));
    if (chosen === undefined) {
      return;
    }
    await ctx.oci.regions.set(target.profile.name, chosen && chosen !== fileRegion ? chosen : undefined);
  },
});

async function pickRegion(
  regions: readonly string[],
  target: ProfileNode,
  fileRegion: string | undefined,
): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { region: string })[] = regions.map((region) => ({
    label: region,
    description: [
      region === target.region ? vscode.l10n.t('current') : undefined,
      region === fileRegion ? vscode.l10n.t('in the config file') : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    region,
  }));
  const picked = await prompts.pick(items, {
    title: vscode.l10n.t('Region of profile {0}', target.profile.name),
    placeHolder: fileRegion
      ? vscode.l10n.t('The config file says {0}; a switch applies in this editor only', fileRegion)
      : vscode.l10n.t('A switch applies in this editor only'),
    matchOnDescription: true,
  });
  return picked?.region;
}
