import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RunMode } from '../../src/eventTests/eventTestRunner';
import type { EventTestsFeature } from '../../src/eventTests/register';
import { poPayload, SEED_FILTER } from '../unit/xpath/fixtures';
import { api, waitFor, workspaceFile } from './helpers';
import { useTenancyEmulator } from './tenancyTree';

const CREATE = 'com.oraclecloud.objectstorage.createobject';
const UPDATE = 'com.oraclecloud.objectstorage.updateobject';
const json = (value: unknown) => JSON.stringify(value, null, 2);
const upload = (bucketName: string) => ({ eventType: CREATE, data: { additionalDetails: { bucketName } } });
const RULE = json({
  displayName: 'backups',
  isEnabled: true,
  condition: { eventType: [CREATE, UPDATE], data: { additionalDetails: { bucketName: 'RMAN_BCS' } } },
  actions: { actions: [] },
});

/** The rows under an item, by label. */
function children(item: vscode.TestItem | undefined): Map<string, vscode.TestItem> {
  const rows = new Map<string, vscode.TestItem>();
  item?.children.forEach((child) => rows.set(child.label, child));
  return rows;
}

function fileRow(feature: EventTestsFeature, uri: vscode.Uri): vscode.TestItem | undefined {
  let found: vscode.TestItem | undefined;
  feature.controller.items.forEach((folder) => (found ??= folder.children.get(uri.toString())));
  return found;
}

async function run(feature: EventTestsFeature, include: vscode.TestItem[], mode: RunMode = 'run') {
  await feature.runner.run(new vscode.TestRunRequest(include), new vscode.CancellationTokenSource().token, mode);
  return feature.runner.lastResults;
}

describe('event tests in the Testing view', () => {
  let feature: EventTestsFeature;
  let ruleUri: vscode.Uri;
  let testUri: vscode.Uri;

  before(async () => {
    feature = (await api()).eventTests;
    ruleUri = workspaceFile('event-tests/rules/backups.rule.json', RULE);
    workspaceFile('event-tests/samples/rman.json', json(upload('RMAN_BCS')));
    testUri = workspaceFile(
      'event-tests/tests/backups.eventtest.json',
      json({
        rule: '../rules/backups.rule.json',
        cases: [
          { name: 'an RMAN upload', event: '../samples/rman.json', expect: 'match' },
          { name: 'a photo upload', event: upload('photos'), expect: 'no match' },
          { name: 'photos, wrongly expected', event: upload('photos'), expect: 'match' },
        ],
      }),
    );
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('lists a test file and its cases, found without opening it, at their lines', async () => {
    await feature.tree.discover();
    const file = (await waitFor(
      () => fileRow(feature, testUri),
      (row) => children(row).size === 3,
      'the test file and its three cases',
    ))!;
    assert.strictEqual(file.label, 'backups');
    assert.strictEqual(file.description, 'rule backups.rule.json');
    assert.strictEqual(file.parent?.label, 'event-tests/tests');
    const cases = children(file);
    assert.deepStrictEqual([...cases.keys()], ['an RMAN upload', 'a photo upload', 'photos, wrongly expected']);
    assert.strictEqual(cases.get('a photo upload')!.description, 'expects no match');
    // The gutter icon's line: the case's object in the file.
    assert.strictEqual(cases.get('an RMAN upload')!.range!.start.line, 3);
  });

  it('completes a test file’s keys and expectations from its JSON schema', async () => {
    const uri = workspaceFile('event-tests/schema/new.eventtest.json', '{\n  \n}\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const labels = async (position: vscode.Position) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        position,
      );
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const keys = await waitFor(
      () => labels(new vscode.Position(1, 2)),
      (l) => l.includes('rule'),
      'the schema’s keys',
    );
    for (const key of ['rule', 'condition', 'filter', 'cases']) {
      assert.ok(keys.includes(key), `${key} in ${keys.join(', ')}`);
    }
  });

  it('runs a file: a failure is expected against actual, at the clause of the rule that decided it', async () => {
    const results = await run(feature, [fileRow(feature, testUri)!]);
    const id = (name: string) => `${testUri.toString()}#${name}`;
    assert.deepStrictEqual(
      [...results].map(([key, r]) => [key, r.status]),
      [
        [id('an RMAN upload'), 'passed'],
        [id('a photo upload'), 'passed'],
        [id('photos, wrongly expected'), 'failed'],
      ],
    );
    const failed = results.get(id('photos, wrongly expected'))!;
    assert.match(
      failed.message!,
      /^Expected "match", got "no match": data\.additionalDetails\.bucketName is "photos", and the condition wants "RMAN_BCS"\.\nno match data\.additionalDetails\.bucketName/,
    );
    assert.strictEqual(failed.location!.uri.toString(), ruleUri.toString());
    const rule = await vscode.workspace.openTextDocument(ruleUri);
    assert.strictEqual(rule.getText(failed.location!.range), '"bucketName": "RMAN_BCS"');
  });

  it('keeps the rows up to date as the file changes on disk and in an editor, and drops them when it goes', async function () {
    this.timeout(90_000);
    // The file system watcher's events can take a while on a busy machine.
    const WATCHER_MS = 30_000;
    // Through VS Code's file service, as the Explorer's New File does: a write from outside reaches the
    // view through the file watcher too, which drops events now and then on these machines.
    const uri = vscode.Uri.joinPath(testUri, '..', 'changing.eventtest.json');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        json({ condition: { eventType: CREATE }, cases: [{ name: 'one', event: upload('x'), expect: 'match' }] }),
      ),
    );
    await waitFor(
      () => children(fileRow(feature, uri)).size,
      (n) => n === 1,
      'the new file’s one case',
      WATCHER_MS,
    );
    const editor = await vscode.window.showTextDocument(uri);
    const end = editor.document.positionAt(editor.document.getText().lastIndexOf(']'));
    await editor.edit((e) =>
      e.insert(end, `, { "name": "two", "event": ${JSON.stringify(upload('y'))}, "expect": "match" }`),
    );
    await waitFor(
      () => [...children(fileRow(feature, uri)).keys()],
      (k) => k.join() === 'one,two',
      'the typed case',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(
      () => [...children(fileRow(feature, uri)).keys()],
      (k) => k.join() === 'one',
      'the disk’s text again',
    );
    // As the Explorer deletes: told to the extension as it happens, not only through the file watcher.
    const deletion = new vscode.WorkspaceEdit();
    deletion.deleteFile(uri);
    assert.ok(await vscode.workspace.applyEdit(deletion), 'the file deleted');
    await waitFor(
      () => fileRow(feature, uri),
      (row) => row === undefined,
      'the deleted file’s row to go',
      WATCHER_MS,
    );
  });

  it('shows bad input as problems in the test file and as cases that error, never as a crash', async () => {
    const uri = workspaceFile(
      'event-tests/broken/broken.eventtest.json',
      json({
        condition: { eventType: CREATE },
        cases: [
          { name: 'no expectation', event: upload('x') },
          { name: 'missing sample', event: '../samples/gone.json', expect: 'match' },
          { name: 'fine', event: upload('x'), expect: 'match', extra: 1 },
        ],
      }),
    );
    const problems = await waitFor(
      () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'OCI event test'),
      (d) => d.length === 3,
      'three problems in the test file',
    );
    assert.deepStrictEqual(problems.map((d) => d.message).sort(), [
      'A case needs "expect": "match" or "no match".',
      'The event ../samples/gone.json is not there: paths are relative to this test file.',
      'Unknown key "extra": a case has name, event or payload, and expect.',
    ]);
    const file = await waitFor(
      () => fileRow(feature, uri),
      (row) => children(row).size === 3,
      'the broken file’s rows',
    );
    const results = await run(feature, [file!]);
    assert.deepStrictEqual(
      [...results.values()].map((r) => r.status),
      ['errored', 'errored', 'errored'],
    );
    const missing = results.get(`${uri.toString()}#missing sample`)!;
    assert.match(missing.message!, /^The event cannot be read: \.\.\/samples\/gone\.json: there is no such file/);
    assert.strictEqual(missing.location!.uri.toString(), uri.toString());
  });

  it('runs a folder of files, a filter’s payload cases among them, and reports the filter operand that decided', async () => {
    const filterUri = workspaceFile(
      'event-tests/filters/po.xpathfilter',
      SEED_FILTER.replace('="Lan Cable"', '="Lan Cable" and $eventPayload//ns0:Total > 100'),
    );
    const uri = workspaceFile(
      'event-tests/filters-tests/po.eventtest.json',
      json({
        filter: '../filters/po.xpathfilter',
        cases: [
          { name: 'a lan cable', payload: poPayload(), expect: true },
          { name: 'a small lan cable', payload: poPayload({ total: 5 }), expect: true },
        ],
      }),
    );
    await waitFor(
      () => children(fileRow(feature, uri)).size,
      (n) => n === 2,
      'the filter test’s cases',
    );
    const results = await run(feature, [fileRow(feature, uri)!.parent!]);
    assert.deepStrictEqual(
      [...results.values()].map((r) => r.status),
      ['passed', 'failed'],
    );
    const failed = results.get(`${uri.toString()}#a small lan cable`)!;
    assert.strictEqual(failed.location!.uri.toString(), filterUri.toString());
    const filter = await vscode.workspace.openTextDocument(filterUri);
    assert.strictEqual(filter.getText(failed.location!.range), '$eventPayload//ns0:Total > 100');
  });

  it('runs with coverage: the clauses of the rule its passing cases covered, and those they did not', async () => {
    await run(feature, [fileRow(feature, testUri)!], 'coverage');
    const items = feature.runner.lastCoverage.get(ruleUri.toString())!;
    const rule = await vscode.workspace.openTextDocument(ruleUri);
    const at = (item: { start: number; end: number }) =>
      rule.getText(new vscode.Range(rule.positionAt(item.start), rule.positionAt(item.end)));
    assert.deepStrictEqual(
      items.map((i) => [at(i), i.covered]),
      [
        [`"eventType": [\n      "${CREATE}",\n      "${UPDATE}"\n    ]`, false],
        [`"${CREATE}"`, true],
        [`"${UPDATE}"`, false],
        ['"bucketName": "RMAN_BCS"', true],
      ],
    );
  });

  it('Add to Test… keeps a Condition Test row as a case, in a new test file and then in it again, which runs green', async () => {
    const condition = workspaceFile('event-tests/conditions/uploads.condition.json', json({ eventType: CREATE }));
    await vscode.commands.executeCommand('oew.condition.testAgainstSamples', condition);
    const { conditionTest, prompts } = await api();
    const results = conditionTest.provider.getChildren().filter((n) => n.kind === 'result');
    const matched = results.find((n) => n.kind === 'result' && n.result.matched);
    const missed = results.find((n) => n.kind === 'result' && !n.result.matched);
    prompts.script(
      { to: 'The test file to add the case to', answer: '$(new-file) New Test File…' },
      { to: "The case's name", answer: 'an upload' },
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oew.condition.addToTest', matched);
    assert.strictEqual(vscode.workspace.asRelativePath(uri), '.oew/tests/uploads.eventtest.json');
    prompts.script(
      { to: 'The test file to add the case to', answer: '.oew/tests/uploads.eventtest.json' },
      { to: "The case's name", answer: 'a near miss' },
    );
    await vscode.commands.executeCommand('oew.condition.addToTest', missed);
    const written = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()) as {
      condition: string;
      cases: { name: string; expect: string }[];
    };
    assert.strictEqual(written.condition, '../../event-tests/conditions/uploads.condition.json');
    assert.deepStrictEqual(
      written.cases.map((c) => [c.name, c.expect]),
      [
        ['an upload', 'match'],
        ['a near miss', 'no match'],
      ],
    );
    // The editor shows the case just added.
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const file = await waitFor(
      () => fileRow(feature, uri),
      (row) => children(row).size === 2,
      'the recorded cases',
    );
    const outcomes = await run(feature, [file!]);
    assert.deepStrictEqual(
      [...outcomes.values()].map((r) => r.status),
      ['passed', 'passed'],
    );
  });

  it('Add to Test… keeps a generated payload of the Filter Evaluation view inline, with the filter’s value', async () => {
    const filter = workspaceFile('event-tests/filters/recorded.xpathfilter', SEED_FILTER);
    await vscode.commands.executeCommand('oew.xpath.evaluate', filter);
    const { filterEvaluation, prompts } = await api();
    const [generated] = filterEvaluation.provider.getChildren().filter((n) => n.kind === 'result');
    prompts.script(
      { to: 'The test file to add the case to', answer: '$(new-file) New Test File…' },
      { to: "The case's name", answer: 'the generated purchase order' },
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oew.xpath.addToTest', generated);
    const written = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()) as {
      filter: string;
      cases: { name: string; payload: string; expect: boolean }[];
    };
    assert.strictEqual(written.filter, '../../event-tests/filters/recorded.xpathfilter');
    assert.strictEqual(written.cases[0].name, 'the generated purchase order');
    assert.match(written.cases[0].payload, /^<\?xml|^</);
    assert.strictEqual(typeof written.cases[0].expect, 'boolean');
  });

  describe('Run in Emulator', () => {
    const tenancyEmulator = useTenancyEmulator();

    it('sends a deployed rule’s events through the emulator: a case passes when the rule matched as expected', async () => {
      const emulator = await tenancyEmulator.start({ dataset: 'demo' });
      const deployed = [...emulator.state.rules.values()].find(
        (r) => r.value.displayName === 'instance-state-changes',
      )!;
      const launch = 'com.oraclecloud.computeapi.launchinstance.end';
      workspaceFile(
        'event-tests/emulator/instance-state-changes.rule.json',
        json({ displayName: 'instance-state-changes', id: deployed.value.id, condition: { eventType: [launch] } }),
      );
      workspaceFile(
        'event-tests/emulator/undeployed.rule.json',
        json({ displayName: 'undeployed', condition: { eventType: [launch] } }),
      );
      const uri = workspaceFile(
        'event-tests/emulator/instances.eventtest.json',
        json({
          rule: 'instance-state-changes.rule.json',
          cases: [
            { name: 'a launch', event: { eventType: launch, data: {} }, expect: 'match' },
            { name: 'an upload', event: upload('x'), expect: 'no match' },
            { name: 'an upload, wrongly', event: upload('x'), expect: 'match' },
          ],
        }),
      );
      const undeployed = workspaceFile(
        'event-tests/emulator/undeployed.eventtest.json',
        json({
          rule: 'undeployed.rule.json',
          cases: [{ name: 'a launch', event: { eventType: launch }, expect: 'match' }],
        }),
      );
      const rows = await waitFor(
        () => [fileRow(feature, uri), fileRow(feature, undeployed)],
        (r) => children(r[0]).size === 3 && children(r[1]).size === 1,
        'the emulator tests’ rows',
      );
      const results = await run(
        feature,
        rows.map((r) => r!),
        'emulator',
      );
      const id = (file: vscode.Uri, name: string) => `${file.toString()}#${name}`;
      assert.deepStrictEqual(
        [
          results.get(id(uri, 'a launch'))?.status,
          results.get(id(uri, 'an upload'))?.status,
          results.get(id(uri, 'an upload, wrongly'))?.status,
        ],
        ['passed', 'passed', 'failed'],
      );
      assert.match(
        results.get(id(uri, 'an upload, wrongly'))!.message!,
        /^Expected "match": in the emulator, instance-state-changes did not match it, so its topics were not notified\.\nmatched by /,
      );
      assert.match(
        results.get(id(undeployed, 'a launch'))!.message!,
        /^Run in Emulator sends the events to the deployed rule, and undeployed\.rule\.json has no "id"/,
      );
    });
  });
});
