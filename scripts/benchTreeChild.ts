/* eslint-disable @typescript-eslint/no-require-imports -- the modules load after the vscode stub is in place */
import { mkdtempSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { installVscodeStub } from './vscodeStub';

/**
 * One sample for bench tree, in a fresh process: the Tenancy view's model and provider (the
 * extension's own code, with a stand-in vscode module) against an emulator, loading
 * dist/oci.js as the extension does. Prints its figures as the last line of JSON.
 */
installVscodeStub();
type OciServiceModule = typeof import('../src/tenancy/ociService');
type TenancyModelModule = typeof import('../src/tenancy/tenancyModel');
type ProviderModule = typeof import('../src/tenancy/tenancyTreeProvider');
const { OciService } = require('../src/tenancy/ociService') as OciServiceModule;
const { bundlesOf } = require('../src/platform/bundles') as typeof import('../src/platform/bundles');
const { PassphraseStore } =
  require('../src/tenancy/passphraseStore') as typeof import('../src/tenancy/passphraseStore');
const { RegionOverrides } =
  require('../src/tenancy/regionOverrides') as typeof import('../src/tenancy/regionOverrides');
const { TenancyModel } = require('../src/tenancy/tenancyModel') as TenancyModelModule;
const { TenancyTreeProvider } = require('../src/tenancy/tenancyTreeProvider') as ProviderModule;
const { browseTenancy } = require('./browseTenancy') as typeof import('./browseTenancy');

type TenancyNode = import('../src/core/tenancy/profileNodes').TenancyNode;

const [mode, root, cacheDir, configFile, endpoint, profileName] = process.argv.slice(2);

async function main(): Promise<void> {
  const memento = { get: <T>(_key: string, fallback?: T) => fallback, update: () => Promise.resolve() };
  const secrets = {
    get: () => Promise.resolve(undefined),
    store: () => Promise.resolve(),
    delete: () => Promise.resolve(),
  };
  const oci = new OciService(
    bundlesOf(root, cacheDir || mkdtempSync(path.join(os.tmpdir(), 'oew-bench-cache-'))).oci,
    new PassphraseStore(secrets as never),
    new RegionOverrides(memento as never),
    () => ({ endpoints: { [profileName]: endpoint }, parallelism: 8 }),
  );
  const model = new TenancyModel(
    () => ({ home: os.homedir(), setting: configFile, defaultProfile: profileName }),
    oci,
    () => undefined,
  );
  const provider = new TenancyTreeProvider(model);
  await model.refresh();
  const profile = model.roots().find((n) => n.kind === 'profile' && n.profile.name === profileName)!;
  // What the view does for a row: children, then a TreeItem for each.
  const expand = async (node: TenancyNode): Promise<TenancyNode[]> => {
    const children = await provider.getChildren(node);
    children.forEach((child) => provider.getTreeItem(child));
    return children;
  };

  const start = performance.now();
  const [tenancy] = await expand(profile);
  const profileMs = performance.now() - start;
  if (mode === 'first-expand') {
    const rootStart = performance.now();
    await expand(tenancy);
    const rootMs = performance.now() - rootStart;
    print({ profileMs, rootMs, sdkLoaded: oci.sdkLoaded ? 1 : 0 });
    return;
  }

  // Browsing a large tenancy, with the SDK already loaded.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const browseStart = performance.now();
  const rows = await browseTenancy(model, provider, tenancy);
  const browseMs = performance.now() - browseStart;
  delay.disable();
  const browse = {
    maxMs: delay.max / 1e6,
    p99Ms: delay.percentile(99) / 1e6,
    browseMs,
    rows,
  };

  // The floor: the same monitor over an idle loop for as long.
  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, Math.min(browseMs, 5000)));
  idle.disable();
  print({ ...browse, idleMaxMs: idle.max / 1e6, idleP99Ms: idle.percentile(99) / 1e6 });
}

function print(figures: Record<string, number>): void {
  process.stdout.write(`\n${JSON.stringify(figures)}\n`);
  process.exit(0);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
