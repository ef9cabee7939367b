import * as assert from 'assert';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeError } from '../../../src/core/errors/userError';
import { REPO_ROOT } from '../fixtures';

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { inputs: Record<string, unknown>; bytes: number }>;
}

function meta(name: string): Metafile {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist', 'meta', `${name}.json`), 'utf8')) as Metafile;
}

describe('bundles (run after npm run build)', () => {
  it('keeps the OCI SDK, the XPath packages and undici out of dist/extension.js, so activation does not load them', () => {
    const inputs = Object.keys(meta('extension').outputs['dist/extension.js'].inputs);
    assert.ok(inputs.length > 5, 'the metafile lists the bundle inputs');
    assert.deepStrictEqual(
      inputs.filter((i) => /node_modules\/(oci-|xpath\/|@xmldom\/|undici\/)/.test(i)),
      [],
    );
  });

  it('bundles the SDK clients the extension uses into dist/oci.js, which loads on its own', () => {
    const inputs = Object.keys(meta('oci').outputs['dist/oci.js'].inputs);
    for (const sdk of ['oci-common', 'oci-events', 'oci-identity', 'oci-ons', 'oci-functions', 'oci-streaming']) {
      assert.ok(
        inputs.some((i) => i.includes(`node_modules/${sdk}/`)),
        sdk,
      );
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading it as the extension does
    const bundle = require(path.join(REPO_ROOT, 'dist', 'oci.js')) as typeof import('../../../src/core/oci');
    assert.ok(bundle.knownRegions().includes('eu-frankfurt-1'));
  });

  it('has errors from dist/oci.js read as the extension’s own, with their next step', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle has its own copy of UserError
    const bundle = require(path.join(REPO_ROOT, 'dist', 'oci.js')) as typeof import('../../../src/core/oci');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'oew-bundle-')), 'config');
    writeFileSync(file, '[DEFAULT]\nregion=us-ashburn-1\n');
    const err = await bundle.OciClients.open({ configFile: file, profile: 'GONE' }).catch((e: unknown) => e);
    assert.deepStrictEqual(describeError(err), {
      cause: `${file} has no profile named GONE.`,
      nextStep: 'Refresh the Tenancy view.',
    });
  });

  it('keeps the flow map’s graph and findings in dist/flowMap.js, loaded when a map is first shown', () => {
    const extension = Object.keys(meta('extension').outputs['dist/extension.js'].inputs);
    assert.deepStrictEqual(
      extension.filter((i) => i.startsWith('src/core/flowMap/') || i.includes('node_modules/elkjs/')),
      [],
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading it as the extension does
    const bundle = require(path.join(REPO_ROOT, 'dist', 'flowMap.js')) as typeof import('../../../src/core/flowMap');
    const graph = bundle.buildFlowGraph({
      rules: [],
      topics: [{ topicId: 't', name: 'alerts', lifecycleState: 'ACTIVE', compartmentId: 'c' }],
      subscriptions: [],
      targetNames: new Map(),
      compartments: new Set(['c']),
    });
    assert.deepStrictEqual(
      graph.nodes.map((n) => n.label),
      ['alerts'],
    );
  });

  it('keeps the event-type catalogue beside the bundle, read on first use, not inlined into it', () => {
    const inputs = Object.keys(meta('extension').outputs['dist/extension.js'].inputs);
    assert.deepStrictEqual(
      inputs.filter((i) => i.endsWith('eventTypes.json')),
      [],
    );
    assert.ok(statSync(path.join(REPO_ROOT, 'dist', 'catalogue', 'eventTypes.json')).size > 10_000);
  });

  it('keeps dist/extension.js at or under 300 KB', () => {
    const bytes = statSync(path.join(REPO_ROOT, 'dist', 'extension.js')).size;
    assert.ok(bytes <= 300 * 1024, `${bytes} bytes`);
  });

  it('bundles the webview elements it uses into the webview script, with no external imports', () => {
    const output = meta('profileCheck').outputs['dist/webview/profileCheck.js'];
    const inputs = Object.keys(output.inputs);
    assert.ok(inputs.some((i) => i.includes('node_modules/@vscode-elements/elements/')));
    assert.ok(
      !/\brequire\(|\bimport\s*\(/.test(readFileSync(path.join(REPO_ROOT, 'dist/webview/profileCheck.js'), 'utf8')),
    );
  });
});
