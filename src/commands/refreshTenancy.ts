import { TenancyNode } from '../views/tenancy/tenancyModel';
import { Command } from './commandTable';

/** Refreshes one profile (what was fetched for it), or from the view's title, the whole view. */
export const refreshTenancy: Command = {
  id: 'oew.tenancy.refresh',
  run: (ctx, node?: TenancyNode) => {
    const profile = node?.kind === 'profile' ? node : node && 'parent' in node ? node.parent : undefined;
    return profile ? ctx.tenancy.refreshProfile(profile) : ctx.tenancy.refresh();
  },
};
