import ELK from 'elkjs/lib/elk-api.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

type Elk = InstanceType<typeof ELK>;

let elk: Promise<Elk> | undefined;
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
  try {
    return await engine.layout(graph);
  } finally {
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
  const url = document.getElementById('app')?.dataset.worker;
  if (!url) {
    throw new Error('the page names no layout worker');
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`the layout worker could not be read (${response.status})`);
  }
  const blob = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
  return new ELK({ workerFactory: () => new Worker(blob) });
}
