// Bundles the extension, the CLI and the webviews with esbuild, and writes each bundle's
// metafile beside it so that tests can check what went into it.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';

const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
};

const node = {
  ...common,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's UMD entry hides its modules from the bundler; its ES module entry does not.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, external: ['vscode'] },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // The XPath filter language with the xpath and xmldom packages, loaded when a filter is first used.
  { ...node, entryPoints: { xpath: 'src/core/xpath/index.ts' } },
  // The event flow map's graph and findings, when a map is first shown.
  { ...node, entryPoints: { flowMap: 'src/core/flowMap/index.ts' } },
  // The emulator, for "Start Local Emulator": it never loads at activation either.
  { ...node, entryPoints: { emulator: 'src/emulator/index.ts' } },
  // The sender, burst and inbox with undici, for the sender panel and the Webhook Inbox view.
  { ...node, entryPoints: { webhooks: 'src/core/webhooks/index.ts' } },
  // The OCI SDK, apart from the extension so that activation never loads it.
  {
    ...node,
    entryPoints: { oci: 'src/core/oci/index.ts' },
    alias: { 'whatwg-url': './scripts/shims/whatwg-url.ts' },
    define: { 'console.warn': 'sdkConsoleWarn' },
    inject: ['./scripts/shims/sdkConsole.ts'],
  },
  {
    ...common,
    entryPoints: {
      profileCheck: 'webview/profileCheck/main.ts',
      sender: 'webview/sender/main.ts',
      flowMap: 'webview/flowMap/main.ts',
    },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  },
];

await mkdir('dist/meta', { recursive: true });
// Read at run time beside the bundles, never bundled: see EventTypeCatalogue.builtin.
await mkdir('dist/catalogue', { recursive: true });
await copyFile('src/core/condition/catalogue/eventTypes.json', 'dist/catalogue/eventTypes.json');
// The flow map's layout engine, as elkjs ships it for a worker: the map's page starts it on first use.
await mkdir('dist/webview', { recursive: true });
await copyFile('node_modules/elkjs/lib/elk-worker.min.js', 'dist/webview/elkWorker.js');
if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(
    builds.map(async (options) => {
      const result = await esbuild.build(options);
      const name = Object.keys(options.entryPoints)[0];
      await writeFile(`dist/meta/${name}.json`, JSON.stringify(result.metafile));
    }),
  );
}
