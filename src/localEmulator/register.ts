import type { ConditionCatalogue } from '../conditions';
import type { Platform } from '../platform/platform';
import type { TenancyContext } from '../tenancy';
import { LocalEmulator } from './localEmulator';
import { startLocalEmulator, stopLocalEmulator } from './localEmulatorCommands';
import { testAgainstEmulator } from './testAgainstEmulator';

/** The emulator run in the extension host, and Test Against Emulator. */
export function registerLocalEmulator(
  platform: Platform,
  { oci, tenancy }: Pick<TenancyContext, 'oci' | 'tenancy'>,
  catalogue: ConditionCatalogue,
): LocalEmulator {
  const localEmulator = platform.own(
    new LocalEmulator(oci, platform.storagePath('local-emulator', 'global')!, platform.bundles.emulator, platform.log),
  );
  platform.registerCommands({ localEmulator, tenancy, conditions: { catalogue } }, [
    startLocalEmulator,
    stopLocalEmulator,
    testAgainstEmulator,
  ]);
  return localEmulator;
}
