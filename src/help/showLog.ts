import { Command } from '../platform/commandTable';

export const showLog: Command = {
  id: 'oew.showLog',
  run: (ctx) => ctx.log.show(),
};
