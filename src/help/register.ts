import { inBackground } from '../platform/errorBoundary';
import type { Platform } from '../platform/platform';
import { openWalkthroughOnFirstStart } from './firstStart';
import { openWalkthrough, showWalkthrough } from './openWalkthrough';
import { showLog } from './showLog';

export function registerHelp(platform: Platform): void {
  platform.registerCommands({ extension: platform.extension, log: platform.log }, [openWalkthrough, showLog]);
  inBackground(
    platform.log,
    'Opening the walkthrough',
    openWalkthroughOnFirstStart(platform.extension.globalState, () => showWalkthrough(platform.extension)),
  );
}
