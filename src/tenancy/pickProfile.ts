import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { ProfileNode } from '../core/tenancy/profileNodes';
import type { TenancyModel } from './tenancyModel';
import { prompts } from '../platform/prompts';

/**
 * The profile a command acts on: the tree node it was invoked on, or, from the palette or a
 * key binding, one the user picks (the default profile first). Undefined when the user cancels.
 */
export async function profileArgument(
  ctx: { readonly tenancy: TenancyModel },
  node: ProfileNode | undefined,
): Promise<ProfileNode | undefined> {
  if (node) {
    return node;
  }
  if (!ctx.tenancy.roots().length) {
    await ctx.tenancy.refresh();
  }
  const profiles = ctx.tenancy.roots().filter((n): n is ProfileNode => n.kind === 'profile');
  if (!profiles.length) {
    throw new UserError(
      vscode.l10n.t('There is no OCI profile to choose from.'),
      vscode.l10n.t(
        'Create one with "OCI Events: Create OCI Config File…", or fix the config file the Tenancy view points at.',
      ),
    );
  }
  const defaultProfile = ctx.tenancy.currentDefaultProfile();
  const isDefault = (node: ProfileNode) => node.profile.name === defaultProfile;
  profiles.sort((a, b) => Number(isDefault(b)) - Number(isDefault(a)));
  const picked = await prompts.pick(
    profiles.map((node) => ({
      label: node.profile.name,
      description: [node.region, isDefault(node) ? vscode.l10n.t('default') : undefined].filter(Boolean).join(' · '),
      node,
    })),
    { title: vscode.l10n.t('Choose an OCI profile'), placeHolder: vscode.l10n.t('Profile name') },
  );
  return picked?.node;
}
