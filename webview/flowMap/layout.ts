import ELK from 'elkjs/lib/elk-api.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

type Elk = InstanceType<typeof ELK>;

/** Ten times what 10,000 nodes take on a 2-core machine. */
const LAYOUT_TIMEOUT_MS = 60_000;

let elk: Promise<Elk> | undefined;
/** The worker's script, fetched once: a restarted worker starts from the same blob. */
let blobUrl: Promise<string> | undefined;
/** The engine while it lays out a map. */
let busy: Elk | undefined;

/**
 * Lays out the map in a Web Worker, so that a map of thousands of nodes never freezes the page.
 * A layout asked for while another runs stops that one: only the newest map is wanted.
 */
export async function layOut(graph: ElkNode): Promise<ElkNode> {
  if (busy) {
    // The older layout's promise never settles: its caller has moved on to this map.
    busy.terminateWorker();
    busy = undefined;
    elk = undefined;
  }
  elk ??= startWorker().catch((err: unknown) => {
    elk = undefined;
    throw err;
  });
  const engine = await elk;
  busy = engine;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A worker that died says nothing: after this long the layout is given up, and the worker with it.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      engine.terminateWorker();
      elk = undefined;
      reject(new Error(`the layout did not end in ${LAYOUT_TIMEOUT_MS / 1000} s`));
    }, LAYOUT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([engine.layout(graph), timeout]);
  } finally {
    clearTimeout(timer);
    if (busy === engine) {
      busy = undefined;
    }
  }
}

/**
 * A webview may not start a worker from the extension's origin: its script is fetched and
 * started from a blob, as the page's policy allows.
 */
async function startWorker(): Promise<Elk> {
  blobUrl ??= workerScript().catch((err: unknown) => {
    blobUrl = undefined;
    throw err;
  });
  const url = await blobUrl;
  return new ELK({ workerFactory: () => new Worker(url) });
}

async function workerScript(): Promise<string> {
  const url = document.getElementById('app')?.dataset.worker;
  if (!url) {
    throw new Error('the page names no layout worker');
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`the layout worker could not be read (${response.status})`);
  }
  return URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
}
