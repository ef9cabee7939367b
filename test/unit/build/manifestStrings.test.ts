import * as assert from 'assert';
import { localizedManifest, manifestStrings, PLACEHOLDER, rawManifest } from './localizedManifest';

/** The manifest's keys whose strings a user reads: in menus, views, settings, the walkthrough, the trust dialog. */
const SHOWN = new Set([
  'title',
  'shortTitle',
  'category',
  'name',
  'contextualTitle',
  'contents',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'label',
  'altText',
]);

/** Each string under a shown key, with where it is: `contributes.commands[3].title`. */
function shownStrings(value: unknown, where: string, key: string | undefined, found: [string, string][]): void {
  if (typeof value === 'string') {
    if (key !== undefined && SHOWN.has(key)) {
      found.push([where, value]);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => shownStrings(item, `${where}[${i}]`, key, found));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      shownStrings(v, `${where}.${k}`, k, found);
    }
  }
}

describe('the manifest’s strings', () => {
  const manifest = rawManifest() as Record<string, unknown>;
  const strings = manifestStrings();
  const placeholders = (): [string, string][] => {
    const found: [string, string][] = [
      ['displayName', manifest.displayName as string],
      ['description', manifest.description as string],
    ];
    shownStrings(manifest.contributes, 'contributes', undefined, found);
    shownStrings(manifest.capabilities, 'capabilities', undefined, found);
    return found;
  };

  it('takes every string a user reads from package.nls.json, so that a translation can replace it', () => {
    const literal = placeholders().filter(([, value]) => !PLACEHOLDER.test(value));
    assert.deepStrictEqual(literal, []);
  });

  it('has an English text for every key it names, and names every key package.nls.json has', () => {
    const used = new Set(placeholders().map(([, value]) => PLACEHOLDER.exec(value)![1]));
    assert.deepStrictEqual(
      [...used].filter((key) => !strings[key]),
      [],
    );
    assert.deepStrictEqual(
      Object.keys(strings).filter((key) => !used.has(key)),
      [],
    );
    const english = localizedManifest<{ contributes: { commands: { command: string; title: string }[] } }>();
    const show = english.contributes.commands.find((c) => c.command === 'oew.flowMap.show');
    assert.strictEqual(show?.title, 'Show Event Flow');
  });
});
