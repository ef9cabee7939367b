import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { ProfileNode } from '../core/tenancy/profileNodes';
import type { TenancyModel } from './tenancyModel';
import { prompts } from '../platform/prompts';

/** A compartment of the profile's tenancy, the root first; undefined when the user cancels. */
export async function pickCompartment(
  ctx: { readonly tenancy: TenancyModel },
  profile: ProfileNode,
  title: string,
  exclude?: string,
): Promise<{ readonly id: string; readonly name: string } | undefined> {
  const tenancy = profile.profile.tenancy;
  if (!tenancy) {
    throw new UserError(
      vscode.l10n.t('Profile {0} names no tenancy.', profile.profile.name),
      vscode.l10n.t('Add tenancy= to the profile.'),
    );
  }
  const clients = await ctx.tenancy.clientsFor(profile);
  const items = vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing compartments…') },
    async () => {
      const compartments = await clients.listCompartments(tenancy, true, ctx.tenancy.listOptions());
      return [
        { label: vscode.l10n.t('(root compartment)'), description: tenancy, id: tenancy },
        ...compartments
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((c) => ({ label: c.name, description: c.description, id: c.id })),
      ].filter((c) => c.id !== exclude);
    },
  );
  const picked = await prompts.pick(items, {
    title,
    placeHolder: vscode.l10n.t('Compartment'),
    matchOnDescription: true,
  });
  return (
    picked && {
      id: picked.id,
      name:
        picked.id === tenancy ? (ctx.tenancy.tenancyName(profile) ?? vscode.l10n.t('root compartment')) : picked.label,
    }
  );
}
