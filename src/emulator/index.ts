// dist/emulator.js: the emulator, loaded in the extension host only when "Start Local Emulator" runs.
export { startEmulator } from './emulator';
export type { Emulator, EmulatorOptions } from './emulator';
