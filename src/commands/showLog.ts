import { Command } from './commandTable';

export const showLog: Command = {
  id: 'oew.showLog',
  run: (ctx) => ctx.log.show(),
};
