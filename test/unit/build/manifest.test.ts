import * as assert from 'assert';
import { readFileSync, statSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT, typescriptFiles } from '../fixtures';
import { localizedManifest } from './localizedManifest';

interface Manifest {
  activationEvents?: string[];
  engines: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; when?: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    walkthroughs: { steps: { media: { markdown?: string; image?: string } }[] }[];
    languages: { configuration?: string }[];
    grammars: { path: string }[];
    viewsContainers: { activitybar: { icon: string }[] };
  };
}

const manifest = localizedManifest<Manifest>();

describe('package.json', () => {
  const src = typescriptFiles(path.join(REPO_ROOT, 'src')).map((f) => readFileSync(f, 'utf8'));

  it('gives every command the palette shows a title of its own', () => {
    const hidden = new Set(
      (manifest.contributes.menus.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command),
    );
    const byTitle = new Map<string, string[]>();
    for (const c of manifest.contributes.commands.filter((c) => !hidden.has(c.command))) {
      const title = `${c.category ?? ''}: ${c.title}`;
      byTitle.set(title, [...(byTitle.get(title) ?? []), c.command]);
    }
    // Two commands of one title are fine only where their `when` clauses never show both at once.
    const whenOf = (id: string) => manifest.contributes.menus.commandPalette?.find((m) => m.command === id)?.when;
    const clashes = [...byTitle].filter(([, ids]) => ids.length > 1 && ids.some((id) => whenOf(id) === undefined));
    assert.deepStrictEqual(clashes, []);
  });

  it('offers Test Condition Against Sample Events in the palette wherever its CodeLens shows', () => {
    const when = manifest.contributes.menus.commandPalette?.find(
      (m) => m.command === 'oew.condition.testAgainstSamples',
    )?.when;
    for (const language of ['oci-event-condition', 'oci-event-rule']) {
      assert.match(language, new RegExp(when!.replace(/^editorLangId =~ \/(.*)\/$/, '$1')), language);
    }
  });

  it('registers every contributed command, with its id written in full in src/', () => {
    const unregistered = manifest.contributes.commands
      .map((c) => c.command)
      .filter((id) => !src.some((text) => text.includes(`id: '${id}'`)));
    assert.deepStrictEqual(unregistered, []);
  });

  it('contributes every command a menu or welcome button points at', () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    const fromMenus = Object.values(manifest.contributes.menus).flatMap((items) => items.map((i) => i.command));
    const fromWelcome = manifest.contributes.viewsWelcome.flatMap((w) =>
      [...w.contents.matchAll(/\(command:(oew\.[\w.]+)/g)].map((m) => m[1]),
    );
    assert.deepStrictEqual(
      [...fromMenus, ...fromWelcome].filter((id) => !contributed.has(id)),
      [],
    );
  });

  it('never activates on startup or on *', () => {
    for (const event of manifest.activationEvents ?? []) {
      assert.ok(!['*', 'onStartupFinished'].includes(event), event);
    }
  });

  it('gives every view that is always shown a welcome message for when it is empty', () => {
    const welcomed = new Set(manifest.contributes.viewsWelcome.map((w) => w.view));
    for (const view of Object.values(manifest.contributes.views).flat()) {
      assert.ok(view.when || welcomed.has(view.id), view.id);
    }
  });

  it('points only at files that exist', () => {
    const c = manifest.contributes;
    const files = [
      ...c.viewsContainers.activitybar.map((a) => a.icon),
      ...c.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? s.media.image!)),
      ...c.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
      ...c.grammars.map((g) => g.path),
    ];
    for (const file of files) {
      assert.ok(statSync(path.join(REPO_ROOT, file)).isFile(), file);
    }
  });

  it('keeps the walkthrough’s code samples narrow enough for its media column, and names the profiles as the demo does', () => {
    // The column beside the steps shows about 50 characters of code at the default window size.
    const tooWide = manifest.contributes.walkthroughs
      .flatMap((w) => w.steps.map((s) => s.media.markdown))
      .filter((file): file is string => file !== undefined)
      .flatMap((file) => {
        // JSON can always be wrapped; a namespace URI or a fingerprint cannot.
        const blocks = readFileSync(path.join(REPO_ROOT, file), 'utf8')
          .split('```')
          .filter((block, i) => i % 2 === 1 && block.startsWith('json'));
        return blocks
          .flatMap((block) => block.split('\n').filter((line) => line.length > 50))
          .map((l) => `${file}: ${l}`);
      });
    assert.deepStrictEqual(tooWide, []);
    const inbox = readFileSync(path.join(REPO_ROOT, 'media', 'walkthrough', 'inbox.md'), 'utf8');
    assert.match(inbox, /`EMULATOR` in the demo/);
  });

  it('pins @types/vscode no higher than engines.vscode', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '').split('.').map(Number);
    const types = manifest.devDependencies['@types/vscode'].split('.').map(Number);
    assert.ok(types[0] === engine[0] && types[1] <= engine[1], `${types.join('.')} vs ${engine.join('.')}`);
  });

  it('pins every OCI SDK package to one version, and never the oci-sdk meta-package', () => {
    const oci = Object.entries(manifest.devDependencies).filter(([name]) => name.startsWith('oci-'));
    assert.ok(!oci.some(([name]) => name === 'oci-sdk'));
    assert.strictEqual(new Set(oci.map(([, v]) => v)).size, 1);
  });

  it('tests in its when clauses every context key the extension sets, and sets every oew key it tests', () => {
    const declared = readFileSync(path.join(REPO_ROOT, 'src', 'platform', 'contextKeys.ts'), 'utf8');
    const keys = [...declared.matchAll(/\| '(oew\.[\w.]+)'/g)].map((m) => m[1]);
    assert.ok(keys.length >= 6, keys.join(', '));
    const text = JSON.stringify(manifest.contributes);
    assert.deepStrictEqual(
      keys.filter((k) => !text.includes(k)),
      [],
      'set but never tested',
    );
    const tested = new Set(
      [
        ...text.matchAll(
          /\b(oew\.(?:tenancy|conditionTest|filterEvaluation|localEmulator|inbox)\.(?:configMissing|ruleFilter|hasResults|running))\b/g,
        ),
      ].map((m) => m[1]),
    );
    assert.deepStrictEqual(
      [...tested].filter((k) => !keys.includes(k)),
      [],
      'tested but never set',
    );
  });
});
