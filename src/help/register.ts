import type { Platform } from '../platform/platform';
import { openWalkthrough } from './openWalkthrough';
import { showLog } from './showLog';

export function registerHelp(platform: Platform): void {
  platform.registerCommands({ extension: platform.extension, log: platform.log }, [openWalkthrough, showLog]);
}
