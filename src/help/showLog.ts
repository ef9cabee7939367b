import { helpCommand } from './helpContext';

export const showLog = helpCommand({
  id: 'oew.showLog',
  args: [],
  run: (ctx) => ctx.log.show(),
});
