import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { ErpBusinessEvent, FusionSubscription } from './fusionState';
import { Tenancy } from './model';
import { EmulatorState } from './state';
import { UserError } from '../../core/errors/userError';
import { isJsonObject } from '../../core/json/isJsonObject';

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
  const file = path.join(dir, STATE_FILE);
  const parsed = parsedJson(text);
  if (isJsonObject(parsed) && parsed.format !== FORMAT) {
    throw new UserError(
      `${file} has format ${JSON.stringify(parsed.format)}; this emulator reads format ${FORMAT}.`,
      'Move it aside to start from a fresh tenancy.',
    );
  }
  if (!isSavedState(parsed)) {
    throw new UserError(
      `${file} is damaged: it is not the JSON this emulator saves.`,
      'Move it aside to start from a fresh tenancy, or put back a copy of it.',
    );
  }
  const saved = parsed;
  const state = new EmulatorState(saved.tenancy);
  const fill = <T>(map: Map<string, T>, items: T[], id: (item: T) => string) =>
    items.forEach((item) => map.set(id(item), item));
  fill(state.compartments, saved.compartments, (c) => c.id);
  // Files written before actions carried lifecycleMessage, which the API requires, get it here.
  saved.rules.forEach((r) => r.value.actions.actions.forEach((a) => (a.lifecycleMessage ??= '')));
  fill(state.rules, saved.rules, (r) => r.value.id);
  fill(state.topics, saved.topics, (t) => t.value.topicId);
  fill(state.subscriptions, saved.subscriptions, (s) => s.value.id);
  fill(state.applications, saved.applications, (a) => a.id);
  fill(state.functions, saved.functions, (f) => f.id);
  // Streaming's default retention, for files written before streams carried it.
  saved.streams.forEach((s) => (s.retentionInHours ??= 24));
  fill(state.streams, saved.streams, (s) => s.id);
  if (saved.fusion) {
    state.fusion.subscriptions.clear();
    saved.fusion.subscriptions.forEach((s) => state.fusion.subscriptions.set(s.id, s));
    saved.fusion.businessEvents.forEach((r) => state.fusion.businessEvents.set(r.ErpBusinessEventId, r));
  }
  return state;
}

/**
 * Writes beside the file, flushes it to the disk, then renames over it and flushes the folder:
 * a crash leaves the old state or the new one, never half a file, and once this settles the
 * new state survives a kill or a power cut.
 */
export async function saveState(state: EmulatorState, dir: string): Promise<void> {
  const file = path.join(dir, STATE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  const text = serialize(state);
  const handle = await fs.open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
  // Windows cannot open a folder to flush it; its rename is durable on NTFS without one.
  if (process.platform !== 'win32') {
    const folder = await fs.open(dir, 'r');
    await folder.sync().finally(() => folder.close());
  }
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The lists a saved file must hold; a cut or hand-edited file fails here rather than halfway through loading. */
function isSavedState(value: unknown): value is SavedState {
  const lists = ['compartments', 'rules', 'topics', 'subscriptions', 'applications', 'functions', 'streams'] as const;
  const fusion = isJsonObject(value) ? value.fusion : undefined;
  return (
    isJsonObject(value) &&
    isJsonObject(value.tenancy) &&
    lists.every((list) => Array.isArray(value[list]) && value[list].every(isJsonObject)) &&
    // Rules, topics and subscriptions are kept with their ETags, as { value, etag }.
    (['rules', 'topics', 'subscriptions'] as const).every((list) =>
      (value[list] as Record<string, unknown>[]).every((item) => isJsonObject(item.value)),
    ) &&
    (value.rules as { value: Record<string, unknown> }[]).every(
      ({ value: rule }) => isJsonObject(rule.actions) && Array.isArray(rule.actions.actions),
    ) &&
    (fusion === undefined ||
      (isJsonObject(fusion) && Array.isArray(fusion.businessEvents) && Array.isArray(fusion.subscriptions)))
  );
}

/** A temporary file of a save (`state.json.<pid>.tmp`), which a crash can leave behind. */
export function isSaveTemporary(name: string): boolean {
  return name.startsWith(`${STATE_FILE}.`) && name.endsWith('.tmp');
}
