import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { buildState } from '../../../src/emulator/store/datasets';
import { FusionState } from '../../../src/emulator/store/fusionState';
import { REPO_ROOT } from '../../harness/paths';
import { captureCli } from '../cli/captureCli';

const OEW = path.join(REPO_ROOT, 'demo', 'workspace', '.oew');
const read = (relative: string) =>
  JSON.parse(readFileSync(path.join(OEW, relative), 'utf8')) as Record<string, unknown>;
const testsOf = () =>
  readdirSync(path.join(OEW, 'tests')).map(
    (name) => read(path.join('tests', name)) as { rule?: string; filter?: string },
  );

describe('the demo workspace', () => {
  it('has a rule document of each demo rule, with its id, so that Run in Emulator finds it, and a test of each', () => {
    const tested = new Set(testsOf().map((t) => t.rule));
    for (const { value: rule } of buildState({ dataset: 'demo' }).rules.values()) {
      const document = read(path.join('rules', `${rule.displayName}.rule.json`));
      assert.deepStrictEqual(
        [document.id, document.compartmentId, document.isEnabled, document.condition],
        [rule.id, rule.compartmentId, rule.isEnabled, JSON.parse(rule.condition)],
        rule.displayName,
      );
      assert.ok(tested.has(`../rules/${rule.displayName}.rule.json`), `a test of ${rule.displayName}`);
    }
  });

  it('has the filter of each demo Fusion subscription that has one, and a test of each', () => {
    const filters = readdirSync(path.join(OEW, 'filters')).map((name) => [
      name,
      readFileSync(path.join(OEW, 'filters', name), 'utf8'),
    ]);
    const tested = new Set(testsOf().map((t) => t.filter));
    for (const subscription of new FusionState().subscriptions.values()) {
      if (subscription.filter) {
        const file = filters.find(([, text]) => text.includes(subscription.filter!));
        assert.ok(file, `the filter of ${subscription.integration}`);
        assert.ok(tested.has(`../filters/${file[0]}`), `a test of ${file[0]}`);
      }
    }
  });

  it('runs green but for the one case that fails on purpose, so the Testing view shows both', async () => {
    const result = await captureCli(['test', 'demo/workspace'], REPO_ROOT);
    assert.strictEqual(result.status, 1);
    assert.strictEqual(result.stderr, '');
    const failing = result.stdout.split('\n').filter((line) => /^(FAIL|ERROR) /.test(line));
    assert.deepStrictEqual(
      failing.map((line) => line.split(':')[0]),
      ['FAIL demo/workspace/.oew/tests/dev-bucket-uploads.eventtest.json › a Marketing upload (fails on purpose'],
    );
    assert.match(result.stdout, /\n20 passed, 1 failed\n$/);
  });
});
