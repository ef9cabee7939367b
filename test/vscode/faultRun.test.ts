import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Emulator } from '../../src/emulator/emulator';
import { NO_FAULTS } from '../../src/emulator/faults';
import { ruleUri } from '../../src/rules/ruleUri';
import type { FusionNode } from '../../src/views/fusion/fusionModel';
import { DEMO_OIC_HOST } from '../../src/emulator/fusion/fusionState';
import { api, messagesShownBy } from './helpers';
import { open, Shown, shown, useTenancyEmulator } from './tenancyTree';

/** The mix: 429 every third request, 10% 5xx, and resets, spikes, cut and malformed answers. */
const MIX = {
  ...NO_FAULTS,
  fault429Every: 3,
  fault5xxRate: 0.1,
  faultResetRate: 0.05,
  faultTruncateRate: 0.05,
  faultMalformedRate: 0.05,
  faultLatencyRate: 0.05,
  faultLatencyMs: 1000,
};

/** What no message a user reads may be: raw SDK, parser or runtime text, or nothing. */
const UNCLEAR = /\[object Object\]|fetch failed|in JSON at position|Unexpected (token|end)|^\s*at |\n\s+at |undefined/;

type Outcome = 'success' | 'clear error';

/** Every operation through the real commands and views, with the emulator failing as a congested region would. */
describe('Fault run: the extension against a failing emulator', function () {
  this.timeout(180_000);
  let emulator: Emulator;
  let rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  // Before the emulator's own afterEach, which stops it.
  afterEach(async () => {
    process.off('unhandledRejection', onRejection);
    const { fusion } = await api();
    const [connection] = fusion.model.connections();
    if (connection) {
      await vscode.commands.executeCommand('oew.fusion.forgetPassword', connection);
    }
    await vscode.workspace
      .getConfiguration('oew')
      .update('fusion.connections', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  const ctx = useTenancyEmulator();

  const setFaults = async (settings: object) => {
    const response = await fetch(`${emulator.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    assert.strictEqual(response.status, 200);
  };

  const outcomes = new Map<string, Map<Outcome, number>>();
  const unclear: string[] = [];
  const seen = new Set<string>();
  function record(kind: string, errors: readonly string[]): Outcome {
    const outcome: Outcome = errors.length ? 'clear error' : 'success';
    for (const error of errors) {
      seen.add(`${kind}: ${error}`);
      if (UNCLEAR.test(error) || error.trim().length < 20) {
        unclear.push(`${kind}: ${JSON.stringify(error)}`);
      }
    }
    const counts = outcomes.get(kind) ?? new Map<Outcome, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    outcomes.set(kind, counts);
    return outcome;
  }
  /** A row that failed to load shows its cause and next step in its tooltip. */
  const errorRows = (rows: Shown[]) =>
    rows.filter((r) => r.node.kind === 'listError' || r.label === 'Could not load').map((r) => r.tooltip);

  it('ends every operation in success or a clear error, loses no edit, duplicates nothing, rejects nothing unhandled', async () => {
    emulator = await ctx.start({ dataset: 'demo' });
    const { tenancy, rules, fusion } = await api();
    const { url, username, password } = emulator.announcement.fusion;
    await vscode.workspace
      .getConfiguration('oew')
      .update(
        'fusion.connections',
        [{ name: 'fault-run', baseUrl: url, username, expectedOicHosts: [DEMO_OIC_HOST] }],
        vscode.ConfigurationTarget.Global,
      );
    const [connection] = await Promise.resolve(fusion.provider.getChildren());
    await vscode.commands.executeCommand('oew.fusion.setPassword', connection, password);
    rules.fileSystem.questions = {
      deployWithWarnings: () => Promise.resolve(true),
      // Someone else's change, or our own whose answer was lost: keep the user's text unsaved.
      resolveConflict: () => Promise.resolve(undefined),
    };
    const started = Date.now();
    rejections = [];
    process.on('unhandledRejection', onRejection);
    await setFaults(MIX);

    // Browse: every compartment's Rules and Topics, from a fresh tree each round.
    for (let round = 0; round < 4; round++) {
      await tenancy.model.refresh();
      const { errors } = await messagesShownBy(async () => {
        const top = await open().catch(() => []);
        record('browse tenancy', errorRows(top));
        for (const compartment of top.filter((r) => r.node.kind === 'compartment')) {
          const groups = await shown(compartment.node);
          record('browse tenancy', errorRows(groups));
          for (const group of groups.filter((g) => g.label === 'Rules' || g.label === 'Topics')) {
            record('browse tenancy', errorRows(await shown(group.node)));
          }
        }
      });
      record('browse tenancy', errors);
    }

    // Browse Fusion: the connection's groups, then each group's events, from a fresh model each round.
    const fusionChildren = async (node?: FusionNode) =>
      (await Promise.resolve(fusion.provider.getChildren(node))) ?? [];
    const fusionErrors = (nodes: FusionNode[]) =>
      nodes.flatMap((n) => (n.kind === 'message' && n.severity === 'error' ? [`${n.text} ${n.detail ?? ''}`] : []));
    for (let round = 0; round < 4; round++) {
      fusion.model.reload();
      const { errors } = await messagesShownBy(async () => {
        const [fusionConnection] = await fusionChildren();
        const groups = await fusionChildren(fusionConnection);
        record('browse Fusion', fusionErrors(groups));
        for (const group of groups.filter((g) => g.kind === 'group')) {
          record('browse Fusion', fusionErrors(await fusionChildren(group)));
        }
      });
      record('browse Fusion', errors);
    }

    // 20 rule edits: four to each of five rules, each saved, which deploys it.
    const ruleIds = [...emulator.state.rules.keys()].slice(0, 5);
    const documents: vscode.TextDocument[] = [];
    for (const ruleId of ruleIds) {
      for (let attempt = 0; attempt < 5 && documents.length < ruleIds.indexOf(ruleId) + 1; attempt++) {
        try {
          documents.push(await vscode.workspace.openTextDocument(ruleUri('EMULATOR', ruleId)));
          record('open rule', []);
        } catch (err) {
          record('open rule', [err instanceof Error ? err.message : String(err)]);
        }
      }
    }
    assert.strictEqual(documents.length, ruleIds.length, 'each rule opened within five tries');
    const deployed = new Map<vscode.TextDocument, string>();
    for (let edit = 0; edit < 20; edit++) {
      const document = documents[edit % documents.length];
      const editor = await vscode.window.showTextDocument(document);
      const text = document.getText();
      const name = /"displayName": "([^"]*)"/.exec(text)![1];
      const next = `fault-run-${edit}`;
      const at = text.indexOf(`"displayName": "${name}"`) + '"displayName": "'.length;
      await editor.edit((e) =>
        e.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + name.length)), next),
      );
      let saved = false;
      const { errors } = await messagesShownBy(async () => {
        saved = await document.save();
      });
      record('deploy rule edit', saved ? [] : errors.length ? errors : ['(the save failed with no message)']);
      deployed.set(document, next);
    }

    // Topics and subscriptions: create, subscribe, unsubscribe, delete, through the view's commands.
    const topicsRow = (await open('apps').catch(() => [] as Shown[])).find((r) => r.label === 'Topics');
    assert.ok(topicsRow, 'the apps compartment opened');
    for (let i = 0; i < 6; i++) {
      const name = `fault-topic-${i}`;
      const created = await messagesShownBy(() =>
        vscode.commands.executeCommand('oew.tenancy.createTopic', topicsRow.node, { name }),
      );
      record('create topic', created.errors);
      const topic = (await shown(topicsRow.node)).find((r) => r.label === name);
      if (!topic) {
        continue;
      }
      const subscribed = await messagesShownBy(() =>
        vscode.commands.executeCommand('oew.tenancy.createSubscription', topic.node, {
          protocol: 'CUSTOM_HTTPS',
          endpoint: `https://hooks.example.com/fault-run/${i}`,
        }),
      );
      record('create subscription', subscribed.errors);
      const subscription = (await shown(topic.node)).find((r) => r.label.includes('/fault-run/'));
      if (subscription && i % 2 === 0) {
        const removed = await messagesShownBy(() =>
          vscode.commands.executeCommand('oew.tenancy.deleteSubscription', subscription.node, { confirmed: true }),
        );
        record('delete subscription', removed.errors);
      }
      if (i % 3 === 0) {
        const deleted = await messagesShownBy(() =>
          vscode.commands.executeCommand('oew.tenancy.deleteTopic', topic.node, { confirmed: true }),
        );
        record('delete topic', deleted.errors);
      }
    }

    await setFaults(NO_FAULTS);
    const stats = (await (await fetch(`${emulator.server.url}/_emulator/stats`)).json()) as Record<string, number>;
    // Let late answers settle before counting what was not handled.
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.off('unhandledRejection', onRejection);

    // Every edit is on the server, or still open and unsaved with the user's text.
    const lost: string[] = [];
    for (const [document, name] of deployed) {
      const ruleId = ruleIds[documents.indexOf(document)];
      const server = emulator.state.rules.get(ruleId)!.value.displayName;
      if (document.isDirty ? !document.getText().includes(`"displayName": "${name}"`) : server !== name) {
        lost.push(`${ruleId}: last edit ${name}, server has ${server}, document dirty: ${document.isDirty}`);
      }
    }
    const duplicates = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);
    const topicNames = [...emulator.state.topics.values()].map((t) => t.value.name);
    const subscriptionKeys = [...emulator.state.subscriptions.values()].map(
      (s) => `${s.value.topicId} ${s.value.endpoint}`,
    );
    const ruleNames = [...emulator.state.rules.values()].map((r) => `${r.value.compartmentId} ${r.value.displayName}`);

    const figures = {
      seconds: Math.round((Date.now() - started) / 1000),
      faults: Object.fromEntries(Object.entries(stats).filter(([k]) => k.startsWith('fault.'))),
      requests: Object.entries(stats)
        .filter(([k]) => !k.startsWith('fault.'))
        .reduce((sum, [, n]) => sum + n, 0),
      operations: Object.fromEntries([...outcomes].map(([kind, counts]) => [kind, Object.fromEntries(counts)])),
      unhandledRejections: rejections.length,
      errorsShown: [...seen],
    };
    console.log(`fault run: ${JSON.stringify(figures, null, 2)}`);

    assert.deepStrictEqual(unclear, [], 'every error says what failed and what to do');
    assert.deepStrictEqual(
      rejections.map((r) => (r instanceof Error ? r.message : String(r))),
      [],
      'no unhandled rejection',
    );
    assert.deepStrictEqual(lost, [], 'no edit lost');
    assert.deepStrictEqual(duplicates(topicNames), [], 'no duplicate topic');
    assert.deepStrictEqual(duplicates(subscriptionKeys), [], 'no duplicate subscription');
    assert.deepStrictEqual(duplicates(ruleNames), [], 'no duplicate rule');
    for (const kind of ['browse tenancy', 'browse Fusion', 'deploy rule edit', 'create topic', 'create subscription']) {
      assert.ok(outcomes.get(kind)?.get('success'), `some ${kind} succeeded despite the faults`);
    }
    for (const kind of [
      'fault.429',
      'fault.5xx',
      'fault.reset',
      'fault.truncate',
      'fault.malformed',
      'fault.latency',
    ]) {
      assert.ok(stats[kind] > 0, `${kind} was injected`);
    }
  });
});
