import { Command } from './commandTable';

export const refreshTenancy: Command = {
  id: 'oew.tenancy.refresh',
  run: (ctx) => ctx.tenancy.refresh(),
};
