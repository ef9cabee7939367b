import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../fixtures';
import { localizedManifest } from './localizedManifest';

interface Manifest {
  icon: string;
  preview: boolean;
  galleryBanner: { color: string; theme: string };
  repository: { url: string };
  bugs: { url: string };
  homepage: string;
  extensionKind: string[];
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; description: string; restrictedConfigurations: string[] };
    virtualWorkspaces: { supported: boolean | 'limited'; description: string };
  };
  contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
}

const manifest = localizedManifest<Manifest>();

describe('the manifest as a marketplace shows it', () => {
  it('has a 128×128 PNG icon, a banner, and links to the repository, its issues and its README', () => {
    const png = readFileSync(path.join(REPO_ROOT, manifest.icon));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    // The IHDR chunk's width and height, big-endian, right after the signature and chunk header.
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.strictEqual(manifest.preview, true);
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/.+\.git$/);
    assert.ok(manifest.bugs.url.startsWith(manifest.repository.url.replace(/\.git$/, '')));
    assert.ok(manifest.homepage.startsWith(manifest.repository.url.replace(/\.git$/, '')));
  });

  it('runs where the workspace is, and says what an untrusted or virtual workspace cannot do', () => {
    assert.deepStrictEqual(manifest.extensionKind, ['workspace']);
    const { untrustedWorkspaces, virtualWorkspaces } = manifest.capabilities;
    assert.strictEqual(untrustedWorkspaces.supported, 'limited');
    const configuration = manifest.contributes.configuration;
    const settings = new Set(
      (Array.isArray(configuration) ? configuration : [configuration]).flatMap((c) => Object.keys(c.properties)),
    );
    // What would send a user's signed requests or passwords elsewhere is not the workspace's to choose.
    for (const setting of ['oew.oci.configFile', 'oew.oci.endpoints', 'oew.fusion.connections']) {
      assert.ok(untrustedWorkspaces.restrictedConfigurations.includes(setting), setting);
    }
    assert.deepStrictEqual(
      untrustedWorkspaces.restrictedConfigurations.filter((s) => !settings.has(s)),
      [],
      'every restricted setting exists',
    );
    assert.strictEqual(virtualWorkspaces.supported, false);
    assert.ok(untrustedWorkspaces.description.length > 0 && virtualWorkspaces.description.length > 0);
  });
});
