import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import type { Emulator } from '../../src/emulator/emulator';
import { FaultSettings, NO_FAULTS } from '../../src/emulator/http/faults';
import { DEMO_OIC_HOST } from '../../src/emulator/store/fusionState';
import type { FusionNode } from '../../src/fusion/fusionModel';
import type { RuleNode } from '../../src/core/tenancy/resourceNodes';
import { FAULT_MIX } from '../unit/emulator/faultMix';
import { api, forgetFusionConnections, messagesShownBy } from './helpers';
import { open, Shown, shown, useTenancyEmulator } from './tenancyTree';

/** The mix, with shorter spikes: the run drives hundreds of requests. */
const MIX: FaultSettings = { ...FAULT_MIX, faultLatencyMs: 600 };

/** What no message a user reads may be: raw SDK, parser or runtime text, a stack, or nothing. */
const UNCLEAR =
  /\[object Object\]|fetch failed|in JSON at position|Unexpected (token|end)|ECONNRESET|socket hang up|^\s*at |\n\s+at |undefined/;

/** The inbox's bursts: each of so many requests at once, sent as a careless or failing peer would. */
const BURSTS = 3;
const BURST_SIZE = 50;

type Outcome = 'success' | 'clear error';

type Body = 'aborted' | 'malformed' | 'truncated' | 'event';

/** What one POST to the inbox ended in, as its sender saw it: a status, or no answer. */
interface Sent {
  readonly path: string;
  readonly body: Body;
  readonly status?: number;
}

/**
 * One POST with a body that may be cut off (Content-Length promises more than comes, then the
 * connection is dropped), malformed or truncated JSON, or a valid event.
 */
function postToInbox(base: string, path: string, kind: Body): Promise<Sent> {
  const event = JSON.stringify({ eventType: 'com.oraclecloud.faultrun.burst', eventID: path, data: { path } });
  const body = kind === 'malformed' ? '{"eventType": nope,}' : kind === 'truncated' ? event.slice(0, 20) : event;
  return new Promise((resolve) => {
    const request = http.request(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(kind === 'aborted' ? body.length + 100 : Buffer.byteLength(body)),
      },
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve({ path, body: kind, status: response.statusCode ?? 0 }));
    });
    request.on('error', () => resolve({ path, body: kind }));
    if (kind === 'aborted') {
      request.write(body);
      setTimeout(() => request.destroy(), 20);
    } else {
      request.end(body);
    }
  });
}

/** Every operation through the real commands and views, with the emulator failing as a congested region would. */
describe('Fault run: the extension against a failing emulator', function () {
  this.timeout(150_000);
  let emulator: Emulator | undefined;
  let documents: vscode.TextDocument[] = [];
  let rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  const setFaults = async (settings: FaultSettings) => {
    const response = await fetch(`${emulator!.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    assert.strictEqual(response.status, 200);
  };

  // Before the emulator's own afterEach, which stops it: reverting reads the rules again.
  afterEach(async () => {
    process.off('unhandledRejection', onRejection);
    if (emulator) {
      await setFaults(NO_FAULTS);
    }
    // What the run left unsaved is given up, so that no later test finds this emulator's edits.
    for (const document of documents.filter((d) => d.isDirty && !d.isClosed)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    documents = [];
    const { webhooks } = await api();
    await forgetFusionConnections();
    webhooks.inbox.inbox?.clear();
    await webhooks.inbox.configure({ response: { status: 200, delayMs: 0, body: '' }, forwardTo: null });
    await vscode.commands.executeCommand('oew.inbox.stop');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    emulator = undefined;
  });
  const ctx = useTenancyEmulator();

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

  it('ends every operation in success or a clear error, loses no edit or request, duplicates nothing, rejects nothing unhandled', async () => {
    emulator = await ctx.start({ dataset: 'demo' });
    const server = emulator;
    const { tenancy, rules, fusion, webhooks, prompts } = await api();
    const { url, username, password } = server.announcement.fusion;
    await vscode.workspace
      .getConfiguration('oew')
      .update(
        'fusion.connections',
        [{ name: 'fault-run', baseUrl: url, username, expectedOicHosts: [DEMO_OIC_HOST] }],
        vscode.ConfigurationTarget.Global,
      );
    const [connection] = await Promise.resolve(fusion.provider.getChildren());
    prompts.script({ to: 'Password of', answer: password });
    await vscode.commands.executeCommand('oew.fusion.setPassword', connection);
    prompts.script(
      { to: 'Deploy it anyway?', answer: 'Deploy', always: true },
      // Someone else's change, or our own whose answer was lost: keep the user's text unsaved.
      { to: 'Someone changed rule', answer: undefined, always: true },
    );
    const started = Date.now();
    const phases: Record<string, number> = {};
    let phaseStart = started;
    const phase = (name: string) => {
      phases[name] = Math.round((Date.now() - phaseStart) / 100) / 10;
      phaseStart = Date.now();
    };
    rejections = [];
    process.on('unhandledRejection', onRejection);
    await setFaults(MIX);

    try {
      // Browse: every compartment's Rules and Topics, the tenancy's own too, from a fresh tree each round.
      const ruleRows = new Map<string, RuleNode>();
      // Expanded rows load at once, as the view loads them.
      const walk = async (rows: Shown[]): Promise<void> => {
        record('browse tenancy', errorRows(rows));
        await Promise.all(
          rows.map(async (row) => {
            if (row.node.kind === 'compartment') {
              await walk(await shown(row.node));
            } else if (row.label === 'Rules' || row.label === 'Topics') {
              const items = await shown(row.node);
              record('browse tenancy', errorRows(items));
              items.forEach((r) => r.node.kind === 'rule' && ruleRows.set(r.node.rule.id, r.node));
            }
          }),
        );
      };
      for (let round = 0; round < 3; round++) {
        await tenancy.model.refresh();
        const { errors } = await messagesShownBy(async () => {
          // The tenancy under the profile, or the row that says why it could not be read.
          const profile = tenancy.model.profileNamed('EMULATOR');
          assert.ok(profile, 'the EMULATOR profile is in the Tenancy view');
          const top = await shown(profile);
          record(
            'browse tenancy',
            top.filter((r) => r.node.kind !== 'tenancy').map((r) => `${r.label}: ${r.tooltip}`),
          );
          const tenancyRow = top.find((r) => r.node.kind === 'tenancy');
          await walk(tenancyRow ? await shown(tenancyRow.node) : []);
        });
        record('browse tenancy', errors);
      }
      phase('browse tenancy');

      // Browse Fusion: the connection's groups, then each group's events, from a fresh model each round.
      const fusionChildren = async (node?: FusionNode) =>
        (await Promise.resolve(fusion.provider.getChildren(node))) ?? [];
      const fusionErrors = (nodes: FusionNode[]) =>
        nodes.flatMap((n) => (n.kind === 'message' && n.severity === 'error' ? [`${n.text} ${n.detail ?? ''}`] : []));
      for (let round = 0; round < 3; round++) {
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
      phase('browse Fusion');

      // Five rules opened with Edit Rule.
      const ruleIds = [...ruleRows.keys()].slice(0, 5);
      assert.strictEqual(ruleIds.length, 5, 'five rules were listed');
      for (const ruleId of ruleIds) {
        for (let attempt = 0; attempt < 5; attempt++) {
          let uri: string | undefined;
          const { errors } = await messagesShownBy(async () => {
            uri = await vscode.commands.executeCommand<string | undefined>(
              'oew.tenancy.editRule',
              ruleRows.get(ruleId),
            );
          });
          const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
          record('open rule', document ? [] : errors.length ? errors : ['(the rule did not open, with no message)']);
          if (document) {
            documents.push(document);
            break;
          }
        }
      }
      assert.strictEqual(documents.length, ruleIds.length, 'each rule opened within five tries');
      phase('open rules');
      const deployed = new Map<vscode.TextDocument, string>();
      // A save that fails is shown by the editor with the error the file system threw, read here.
      const saveErrors: string[] = [];
      const written = new Set<string>();
      const writeFile = rules.fileSystem.writeFile.bind(rules.fileSystem);
      rules.fileSystem.writeFile = (...args) => {
        written.add(args[0].toString());
        return writeFile(...args).catch((err: unknown) => {
          saveErrors.push(err instanceof Error ? err.message : String(err));
          throw err;
        });
      };
      /** Renames each rule in its document, then saves them all at once, as Save All does; each save deploys its rule. */
      const deployEdits = async (edits: [vscode.TextDocument, string][]) => {
        const edit = new vscode.WorkspaceEdit();
        for (const [document, next] of edits) {
          const text = document.getText();
          const name = /"displayName": "([^"]*)"/.exec(text)![1];
          const at = text.indexOf(`"displayName": "${name}"`) + '"displayName": "'.length;
          edit.replace(
            document.uri,
            new vscode.Range(document.positionAt(at), document.positionAt(at + name.length)),
            next,
          );
          deployed.set(document, next);
        }
        assert.ok(await vscode.workspace.applyEdit(edit), 'the edits applied');
        saveErrors.length = 0;
        written.clear();
        let saved: boolean[] = [];
        const { errors } = await messagesShownBy(async () => {
          saved = await Promise.all(edits.map(([document]) => document.save()));
        });
        return edits.map(([document, next], i) => {
          // By the name it was being given, or by its OCID when the read before the update failed.
          const ocid = document.uri.query;
          const own = [...errors, ...saveErrors].filter((e) => new RegExp(`\\b${next}\\b`).test(e) || e.includes(ocid));
          // Without a message of ours, the editor itself refused the save before it reached the
          // rule file system (its "file is newer" notice, with Compare and Overwrite), or nothing was said.
          const unsaid = written.has(document.uri.toString())
            ? 'undefined: the save failed with no message'
            : 'the editor refused the save before it reached the rule file system';
          return { saved: saved[i], errors: saved[i] ? [] : own.length ? own : [unsaid] };
        });
      };
      // 20 edits: four rounds of one edit to each of the five rules.
      for (let round = 0; round < 4; round++) {
        const results = await deployEdits(documents.map((d, i) => [d, `fault-run-${round * documents.length + i}`]));
        results.forEach(({ errors }) => record('deploy rule edit', errors));
      }
      // The mix may spare every update; one whose answer is certainly lost shows that branch too.
      const clean = documents.find((d) => !d.isDirty);
      if (clean) {
        await setFaults({ ...NO_FAULTS, faultMalformedRate: 1 });
        const [{ saved, errors }] = await deployEdits([[clean, 'fault-run-answer-lost']]);
        await setFaults(MIX);
        record('deploy rule edit, answer lost', errors);
        assert.strictEqual(saved, false, 'a deploy whose answer was lost is not taken for saved');
        assert.match(
          errors.join('\n'),
          /may or may not be deployed/,
          'the message says the deploy may have taken effect',
        );
      }
      phase('deploy rule edits');

      // Topics and subscriptions: create, subscribe, unsubscribe, delete, through the view's commands.
      // A listing the faults failed shows an error row; the user retries it, as here with a fresh tree.
      let topicsRow: Shown | undefined;
      for (let attempt = 0; attempt < 5 && !topicsRow; attempt++) {
        const rows = await open('apps').catch((e: unknown) => {
          record(
            'browse tenancy',
            [e instanceof Error ? e.message : String(e)].filter((m) => !m.includes('among')),
          );
          return [] as Shown[];
        });
        record('browse tenancy', errorRows(rows));
        topicsRow = rows.find((r) => r.label === 'Topics');
        if (!topicsRow) {
          await tenancy.model.refresh();
        }
      }
      assert.ok(topicsRow, 'the apps compartment opened within five attempts');
      for (let i = 0; i < 6; i++) {
        const name = `fault-topic-${i}`;
        prompts.script({ to: 'Create Topic', answer: name }, { to: `Create Topic ${name}`, answer: '' });
        const created = await messagesShownBy(() =>
          vscode.commands.executeCommand('oew.tenancy.createTopic', topicsRow.node),
        );
        record('create topic', created.errors);
        const topic = (await shown(topicsRow.node)).find((r) => r.label === name);
        if (!topic) {
          continue;
        }
        prompts.script(
          { to: 'Create Subscription', answer: 'CUSTOM_HTTPS' },
          { to: 'Create CUSTOM_HTTPS Subscription', answer: `https://hooks.example.com/fault-run/${i}` },
        );
        const subscribed = await messagesShownBy(() =>
          vscode.commands.executeCommand('oew.tenancy.createSubscription', topic.node),
        );
        record('create subscription', subscribed.errors);
        const subscription = (await shown(topic.node)).find((r) => r.label.includes('/fault-run/'));
        if (subscription && i % 2 === 0) {
          prompts.script({ to: 'subscription of', answer: 'Delete' });
          const removed = await messagesShownBy(() =>
            vscode.commands.executeCommand('oew.tenancy.deleteSubscription', subscription.node),
          );
          record('delete subscription', removed.errors);
        }
        if (i % 3 === 0) {
          prompts.script({ to: 'Delete topic', answer: 'Delete' });
          const deleted = await messagesShownBy(() =>
            vscode.commands.executeCommand('oew.tenancy.deleteTopic', topic.node),
          );
          record('delete topic', deleted.errors);
        }
      }
      phase('topics and subscriptions');

      // The inbox: bursts of requests at once, some cut off mid-body, some malformed or truncated
      // JSON; the second burst answered with a 503, the third slowly, as set in Inbox Settings.
      const inboxUrl = await vscode.commands.executeCommand<string>('oew.inbox.start');
      webhooks.inbox.inbox!.clear();
      const sent: Sent[] = [];
      const answers = [
        { status: 200, delayMs: 0 },
        { status: 503, delayMs: 0 },
        { status: 200, delayMs: 300 },
      ];
      for (let burst = 0; burst < BURSTS; burst++) {
        await webhooks.inbox.configure({ response: answers[burst] });
        const kinds = ['aborted', 'malformed', 'truncated', 'event', 'event'] as const;
        sent.push(
          ...(await Promise.all(
            Array.from({ length: BURST_SIZE }, (_, i) =>
              postToInbox(inboxUrl, `/fault-run/${burst}/${i}`, kinds[i % kinds.length]),
            ),
          )),
        );
      }
      const answered = sent.filter((s) => s.status !== undefined);
      const inboxRows = () =>
        webhooks.provider
          .getChildren()
          .map((r) => ({ path: r.path, item: webhooks.provider.getTreeItem(r) }))
          .filter((r) => r.path.startsWith('/fault-run/'));
      // The view follows the inbox's records; a row per answered request, each once.
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && new Set(inboxRows().map((r) => r.path)).size < answered.length) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const rows = inboxRows();
      const shownPaths = rows.map((r) => r.path);
      const lostRequests = answered.filter((a) => !shownPaths.includes(a.path)).map((a) => a.path);
      const wrongAnswers = answered
        .filter((a) => a.status !== answers[Number(a.path.split('/')[2])].status)
        .map((a) => `${a.path}: ${a.status}`);
      const rowsWithoutAnswer = rows
        .filter((r) => {
          const tooltip = typeof r.item.tooltip === 'string' ? r.item.tooltip : (r.item.tooltip?.value ?? '');
          const expected = answered.find((a) => a.path === r.path);
          return expected && !tooltip.includes(`Answered ${expected.status}`);
        })
        .map((r) => r.path);
      phase('inbox bursts');

      await setFaults(NO_FAULTS);
      const stats = (await (await fetch(`${server.server.url}/_emulator/stats`)).json()) as Record<string, number>;
      // Let late answers settle before counting what was not handled.
      await new Promise((resolve) => setTimeout(resolve, 500));
      process.off('unhandledRejection', onRejection);

      // Every edit is on the server, or still open and unsaved with the user's text.
      const lost: string[] = [];
      for (const [document, name] of deployed) {
        const ruleId = ruleIds[documents.indexOf(document)];
        const onServer = server.state.rules.get(ruleId)!.value.displayName;
        if (document.isDirty ? !document.getText().includes(`"displayName": "${name}"`) : onServer !== name) {
          lost.push(`${ruleId}: last edit ${name}, server has ${onServer}, document dirty: ${document.isDirty}`);
        }
      }
      const duplicates = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);
      const topicNames = [...server.state.topics.values()].map((t) => t.value.name);
      const subscriptionKeys = [...server.state.subscriptions.values()].map(
        (s) => `${s.value.topicId} ${s.value.endpoint}`,
      );
      const ruleNames = [...server.state.rules.values()].map((r) => `${r.value.compartmentId} ${r.value.displayName}`);

      const faults = Object.fromEntries(Object.entries(stats).filter(([k]) => k.startsWith('fault.')));
      const figures = {
        seconds: Math.round((Date.now() - started) / 1000),
        phases,
        faults,
        faultsInjected: Object.values(faults).reduce((sum, n) => sum + n, 0),
        emulatorRequests: Object.entries(stats)
          .filter(([k]) => !k.startsWith('fault.'))
          .reduce((sum, [, n]) => sum + n, 0),
        lastEdits: {
          onServer: [...deployed.keys()].filter((d) => !d.isDirty).length,
          openAndUnsaved: [...deployed.keys()].filter((d) => d.isDirty).length,
        },
        operations: Object.fromEntries([...outcomes].map(([kind, counts]) => [kind, Object.fromEntries(counts)])),
        inbox: {
          sent: sent.length,
          answered: answered.length,
          cutOffBySender: sent.length - answered.length,
          rows: rows.length,
        },
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
      assert.deepStrictEqual(lostRequests, [], 'every request the inbox answered is a row');
      assert.deepStrictEqual(duplicates(shownPaths), [], 'no request is a row twice');
      assert.deepStrictEqual(wrongAnswers, [], 'each answered with the status set for its burst');
      assert.deepStrictEqual(rowsWithoutAnswer, [], 'each row says what was answered');
      assert.strictEqual(
        answered.length,
        sent.filter((s) => s.body !== 'aborted').length,
        'every request sent whole was answered',
      );
      for (const kind of [
        'browse tenancy',
        'browse Fusion',
        'deploy rule edit',
        'create topic',
        'create subscription',
      ]) {
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
    } finally {
      prompts.clearScript();
      // The prototype's again.
      delete (rules.fileSystem as { writeFile?: unknown }).writeFile;
    }
  });
});
