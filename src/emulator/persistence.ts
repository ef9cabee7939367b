import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { ErpBusinessEvent, FusionSubscription } from './fusion/fusionState';
import { Tenancy } from './model';
import { EmulatorState } from './state';

export const STATE_FILE = 'state.json';
const FORMAT = 1;

type Values<M> = M extends Map<string, infer V> ? V[] : never;

interface SavedState {
  format: number;
  tenancy: Tenancy;
  compartments: Values<EmulatorState['compartments']>;
  rules: Values<EmulatorState['rules']>;
  topics: Values<EmulatorState['topics']>;
  subscriptions: Values<EmulatorState['subscriptions']>;
  applications: Values<EmulatorState['applications']>;
  functions: Values<EmulatorState['functions']>;
  streams: Values<EmulatorState['streams']>;
  /** Absent in files written before the Fusion emulator: its seed data is used then. */
  fusion?: {
    businessEvents: ErpBusinessEvent[];
    subscriptions: FusionSubscription[];
  };
}

/**
 * The resources of an emulated tenancy as JSON. Keys and retry tokens are left out: a new key
 * is made at each start, and retry tokens are only meant to live for one client's retries.
 */
export function serialize(state: EmulatorState): string {
  const saved: SavedState = {
    format: FORMAT,
    tenancy: state.tenancy,
    compartments: [...state.compartments.values()],
    rules: [...state.rules.values()],
    topics: [...state.topics.values()],
    subscriptions: [...state.subscriptions.values()],
    applications: [...state.applications.values()],
    functions: [...state.functions.values()],
    streams: [...state.streams.values()],
    fusion: {
      businessEvents: [...state.fusion.businessEvents.values()],
      subscriptions: [...state.fusion.subscriptions.values()],
    },
  };
  return JSON.stringify(saved);
}

/** The state saved in `dir`, or undefined when there is none; a damaged file is an error, not a reset. */
export function loadState(dir: string): EmulatorState | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, STATE_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw err;
  }
  const saved = JSON.parse(text) as SavedState;
  if (saved.format !== FORMAT) {
    throw new Error(`${path.join(dir, STATE_FILE)} has format ${saved.format}; this emulator reads format ${FORMAT}.`);
  }
  const state = new EmulatorState(saved.tenancy);
  const fill = <T>(map: Map<string, T>, items: T[], id: (item: T) => string) =>
    items.forEach((item) => map.set(id(item), item));
  fill(state.compartments, saved.compartments, (c) => c.id);
  fill(state.rules, saved.rules, (r) => r.value.id);
  fill(state.topics, saved.topics, (t) => t.value.topicId);
  fill(state.subscriptions, saved.subscriptions, (s) => s.value.id);
  fill(state.applications, saved.applications, (a) => a.id);
  fill(state.functions, saved.functions, (f) => f.id);
  fill(state.streams, saved.streams, (s) => s.id);
  if (saved.fusion) {
    state.fusion.subscriptions.clear();
    saved.fusion.subscriptions.forEach((s) => state.fusion.subscriptions.set(s.id, s));
    saved.fusion.businessEvents.forEach((r) => state.fusion.businessEvents.set(r.ErpBusinessEventId, r));
  }
  return state;
}

/** Writes beside the file, then renames over it, so a crash never leaves half a file. */
export async function saveState(state: EmulatorState, dir: string): Promise<void> {
  const file = path.join(dir, STATE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, serialize(state), { mode: 0o600 });
  await fs.rename(temporary, file);
}
