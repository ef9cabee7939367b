import type { ConditionCatalogue } from '../conditions';
import { commandsOf } from '../platform/commands';
import type { TenancyModel } from '../tenancy';
import type { LocalEmulator } from './localEmulator';

/** What the local emulator's commands use. */
export interface LocalEmulatorContext {
  readonly localEmulator: LocalEmulator;
  readonly tenancy: TenancyModel;
  readonly conditions: { readonly catalogue: ConditionCatalogue };
}

export const localEmulatorCommand = commandsOf<LocalEmulatorContext>();
