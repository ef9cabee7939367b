import { createHash, KeyObject, randomBytes } from 'crypto';
import { DeliveryRecords } from './deliveryRecords';
import { FusionState } from './fusionState';
import { Application, Compartment, FunctionSummary, Rule, StreamSummary, Subscription, Tenancy, Topic } from './model';
import { RetryTokenCache } from './retryTokenCache';

/** New rules and topics stay CREATING this long, as the real services' do for a moment. */
export const ACTIVATION_MS = 300;

export interface Versioned<T> {
  value: T;
  etag: string;
  /** When a CREATING resource becomes ACTIVE, in emulator time. */
  activeAt?: number;
}

/** Everything the emulator holds, in memory. */
export class EmulatorState {
  readonly compartments = new Map<string, Compartment>();
  readonly rules = new Map<string, Versioned<Rule>>();
  readonly topics = new Map<string, Versioned<Topic>>();
  readonly subscriptions = new Map<string, Versioned<Subscription> & { confirmationToken: string }>();
  readonly applications = new Map<string, Application>();
  readonly functions = new Map<string, FunctionSummary>();
  readonly streams = new Map<string, StreamSummary>();
  /** The deliveries of the latest ONS messages, for /_emulator/deliveries. */
  readonly onsDeliveries = new DeliveryRecords();
  /** The emulated Fusion instance, on the same server under its own paths. */
  readonly fusion = new FusionState();
  /** keyId (tenancy/user/fingerprint) → public key. */
  readonly apiKeys = new Map<string, KeyObject>();
  /** Signs the session tokens this emulator issues; new at every start, as are its API keys. */
  readonly sessionSecret = randomBytes(32);
  /** opc-retry-token → the first response, replayed for a retry. */
  readonly retryTokens = new RetryTokenCache<{ status: number; body: unknown; headers: Record<string, string> }>();

  /** Where deliveries are reported; stderr under `oew emulator`. */
  log: (line: string) => void = () => undefined;
  /** Scales the waits between delivery retries: 1 is real time. */
  timeScale = 1;
  /**
   * Called after every request that changed something, before it is answered; the emulator
   * writes the state there, and the promise settles once it is on disk.
   */
  onChange: () => Promise<void> = () => Promise.resolve();

  constructor(readonly tenancy: Tenancy) {}

  /** The tenancy and every compartment below it, as parents of a compartment id. */
  isCompartment(id: string): boolean {
    return id === this.tenancy.id || this.compartments.has(id);
  }

  /** The compartment ids from `id` up to the tenancy. */
  ancestry(id: string): string[] {
    const chain: string[] = [];
    for (let current: string | undefined = id; current; current = this.compartments.get(current)?.compartmentId) {
      chain.push(current);
      if (current === this.tenancy.id) {
        break;
      }
    }
    return chain;
  }
}

export function etagOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/** A CREATING resource reads as its settled state once its activation time has passed. */
export function settle<T extends { lifecycleState: string }>(
  stored: Versioned<T>,
  now: number,
  settled: (value: T) => T['lifecycleState'],
): T {
  if (stored.value.lifecycleState === 'CREATING' && stored.activeAt !== undefined && now >= stored.activeAt) {
    stored.value = { ...stored.value, lifecycleState: settled(stored.value) };
  }
  return stored.value;
}
