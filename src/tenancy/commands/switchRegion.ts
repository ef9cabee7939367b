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
      region === target.region ? 'current' : undefined,
      region === fileRegion ? 'in the config file' : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    region,
  }));
  const picked = await prompts.pick(items, {
    title: `Region of profile ${target.profile.name}`,
    placeHolder: fileRegion
      ? `The config file says ${fileRegion}; a switch applies in this editor only`
      : 'A switch applies in this editor only',
    matchOnDescription: true,
  });
  return picked?.region;
}
