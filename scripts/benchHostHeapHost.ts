import * as http from 'http';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../src/workbenchApi';
import { browseTenancy } from './browseTenancy';

/**
 * Runs inside code-server's real extension host for bench hostheap (the extensionTestsPath):
 * the host's heap after activation, after browsing the `large` tenancy, and after inbox
 * requests, each after a full collection. Prints one `hostheap {json}` line.
 */
export async function run(): Promise<void> {
  // The host runs without --expose-gc; the flag still gives a collector to a new context.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heapMB = async () => {
    // Twice, a tick apart: what one collection frees can let the next free more.
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const env = (name: string) => process.env[name] ?? '';
  const profileName = env('OEW_BENCH_PROFILE');
  const config = vscode.workspace.getConfiguration('oew');
  await config.update('oci.configFile', env('OEW_BENCH_CONFIG'), vscode.ConfigurationTarget.Global);
  await config.update('oci.endpoints', { [profileName]: env('OEW_BENCH_ENDPOINT') }, vscode.ConfigurationTarget.Global);
  const api = await vscode.extensions.getExtension<WorkbenchApi>(env('OEW_BENCH_EXTENSION'))!.activate();
  const afterActivation = await heapMB();

  const { model, provider } = api.tenancy;
  await model.refresh();
  const profile = model.roots().find((n) => n.kind === 'profile' && n.profile.name === profileName);
  if (!profile) {
    throw new Error(`no profile ${profileName} in the Tenancy view`);
  }
  const [tenancy] = await provider.getChildren(profile);
  const rows = await browseTenancy(model, provider, tenancy);
  const afterBrowsing = await heapMB();

  const requests = Number(env('OEW_BENCH_REQUESTS'));
  const inbox = await api.webhooks.inbox.start();
  await sendRequests(inbox.port, requests);
  const afterInbox = await heapMB();
  console.log(`hostheap ${JSON.stringify({ afterActivation, rows, afterBrowsing, requests, afterInbox })}`);
}

/** POSTs a small JSON event to the inbox, `total` times, 16 at a time over kept-alive connections. */
async function sendRequests(port: number, total: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const body = JSON.stringify({ eventType: 'com.oraclecloud.objectstorage.createobject', data: { n: 1 } });
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/bench',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (response) => response.resume().once('end', resolve),
      );
      request.once('error', reject);
      request.end(body);
    });
  const worker = async () => {
    while (next < total) {
      next++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  agent.destroy();
}
