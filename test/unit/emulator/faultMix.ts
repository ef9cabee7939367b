import { FaultSettings, NO_FAULTS } from '../../../src/emulator/http/faults';

/**
 * Issue 17's mix, for the injector's unit tests and the extension host's fault run: 429 every
 * third request, 10% 5xx, and 5% each of resets, cut and malformed answers and latency spikes.
 */
export const FAULT_MIX: FaultSettings = {
  ...NO_FAULTS,
  fault429Every: 3,
  fault5xxRate: 0.1,
  faultResetRate: 0.05,
  faultTruncateRate: 0.05,
  faultMalformedRate: 0.05,
  faultLatencyRate: 0.05,
  faultLatencyMs: 800,
};
