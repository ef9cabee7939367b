import * as assert from 'assert';
import { createPrivateKey, createHmac, randomBytes } from 'crypto';
import {
  Dirent,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Emulator, startEmulator } from '../../src/emulator/emulator';
import { EMULATOR_PROFILE, EMULATOR_SESSION_PROFILE } from '../../src/emulator/emulatorIdentity';
import type { FusionNode } from '../../src/fusion/fusionModel';
import type { ProfileNode, TenancyNode } from '../../src/core/tenancy/profileNodes';
import { emptySenderRequest, SenderRequest } from '../../src/core/sender/senderTypes';
import type { SenderPanel } from '../../src/sender/senderPanel';
import { testServer } from '../unit/http/testServers';
import { api, CONFIG_FILE, resetSettings, SAMPLE_CONFIG, waitFor, writeConfig } from './helpers';
import { next, openPanel } from './senderPanel';
import { shown, Shown } from './tenancyTree';

const ENCRYPTED_PROFILE = 'HYGIENE_ENCRYPTED';
const FUSION_CONNECTION = 'hygiene (emulator)';

/** A distinctive secret, with characters that URL-encoding changes where the feature allows them. */
const secret = (prefix: string, tail = '') => `${prefix}${randomBytes(12).toString('hex')}${tail}`;

/**
 * Drives every feature that takes a secret, against the emulator and a local server over real
 * HTTP, then searches every byte the editor and the extension keep for each secret.
 */
describe('The secret hygiene run: no secret in storage, logs, settings, history, state or messages', function () {
  this.timeout(180_000);
  let emulator: Emulator;
  let server: Awaited<ReturnType<typeof testServer>>;
  let work: string;
  const shownText: string[] = [];

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'oew-hygiene-'));
    emulator = await startEmulator({ dataset: 'demo', stateDir: path.join(work, 'emulator') });
    server = await testServer((_req, res) => res.end('{"ok":true}'));
  });

  after(async () => {
    (await vscode.commands.executeCommand<SenderPanel | undefined>('oew.sender.open'))?.panel.dispose();
    const { fusion } = await api();
    const connection = fusion.model.connections().find((c) => c.connection.name === FUSION_CONNECTION);
    if (connection) {
      await vscode.commands.executeCommand('oew.fusion.forgetPassword', connection);
    }
    rmSync(path.join(workspaceFolder(), '.oew', 'requests'), { recursive: true, force: true });
    rmSync(path.join(path.dirname(CONFIG_FILE), 'hygiene_encrypted.pem'), { force: true });
    await vscode.workspace
      .getConfiguration('oew')
      .update('oci.endpoints', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('oew')
      .update('fusion.connections', undefined, vscode.ConfigurationTarget.Global);
    await resetSettings();
    await emulator.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('takes an encrypted key’s pass phrase, a session token, a Fusion password, a Basic-auth URL, a bearer token and an HMAC secret, and keeps none of them anywhere but SecretStorage', async () => {
    const started = Date.now();
    const secrets = await scenario();
    // The webview's saved state reaches the browser's IndexedDB when the workbench saves its
    // editors' state, every 5 s when idle: wait until the address only that state holds is there.
    await waitFor(
      () => searchablePlaces().some((p) => p.kind === 'editor state' && contains(p.file, secrets.stateMarker)),
      (found) => found,
      'the webview’s saved state written to the browser’s IndexedDB',
      90_000,
    );
    const places = searchablePlaces();
    const outputLog = places.find((p) => p.kind === 'output channel');
    assert.ok(outputLog && contains(outputLog.file, secrets.logMarker), 'the output channel’s log file is searched');
    const needles = secrets.list.flatMap(({ name, value }) =>
      encodings(value).map(({ encoding, text }) => ({ name, encoding, text })),
    );
    // The search finds what it looks for: the bearer token as sent, the subscription's password
    // inside Basic credentials, the pass phrase in a URL, also as UTF-16.
    const control = Buffer.from(
      [
        JSON.stringify(secrets.wire.headers),
        `Basic ${Buffer.from(`hook:${secrets.value('Basic-auth URL password')}`).toString('base64')}`,
        `https://x/?p=${encodeURIComponent(secrets.value('pass phrase'))}`,
      ].join('\n'),
      'utf16le',
    );
    for (const name of ['bearer token', 'Basic-auth URL password', 'pass phrase']) {
      assert.ok(
        needles.some((n) => n.name === name && bytesHold(control, n.text)),
        `the search finds the ${name}`,
      );
    }
    const found: string[] = [];
    const bytesOf = new Map<string, { files: number; bytes: number }>();
    for (const place of places) {
      const data = readIfThere(place.file);
      const kind = bytesOf.get(place.kind) ?? { files: 0, bytes: 0 };
      bytesOf.set(place.kind, { files: kind.files + 1, bytes: kind.bytes + data.length });
      for (const needle of needles) {
        if (bytesHold(data, needle.text)) {
          found.push(`${needle.name} (${needle.encoding}) in ${place.kind}: ${place.file}`);
        }
      }
    }
    const messages = shownText.join('\n');
    bytesOf.set('shown messages and tree rows', { files: shownText.length, bytes: Buffer.byteLength(messages) });
    for (const needle of needles) {
      if (messages.includes(needle.text)) {
        found.push(`${needle.name} (${needle.encoding}) in a shown message or tree row`);
      }
    }
    const bytes = [...bytesOf.values()].reduce((sum, k) => sum + k.bytes, 0);
    console.log(
      `secret hygiene: ${secrets.list.length} secrets × ${needles.length / secrets.list.length} encodings × ${bytesOf.size} places; ` +
        `${places.length} files and ${shownText.length} shown texts, ${(bytes / 1e6).toFixed(1)} MB searched; found = ${found.length}; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const [kind, { files, bytes }] of bytesOf) {
      console.log(
        `  ${kind}: ${files} ${kind.startsWith('shown') ? 'texts' : 'files'}, ${(bytes / 1024).toFixed(1)} KB`,
      );
    }
    assert.deepStrictEqual(found, []);
  });

  /** Runs each feature that takes a secret, as a user would, and returns the secrets it used. */
  async function scenario(): Promise<{
    list: { name: string; value: string }[];
    value(name: string): string;
    wire: { headers: Record<string, unknown> };
    stateMarker: string;
    logMarker: string;
  }> {
    const passphrase = secret('pp-', ' /+&=?');
    const wrongPassphrase = secret('wrong-pp-', '%');
    const keyPem = readFileSync(path.join(work, 'emulator', 'emulator_api_key.pem'), 'utf8');
    const privateKey = createPrivateKey(keyPem);
    const keyBody = keyPem.split('\n')[1];
    const sessionToken = readFileSync(path.join(work, 'emulator', 'emulator_session_token'), 'utf8').trim();
    const fusionPassword = emulator.announcement.fusion.password;
    // Basic credentials in a URL: the subscription's endpoint, and the sender's URL.
    const subscriptionPassword = secret('sub-', '/+&');
    const bearer = secret('bt-', '+/=');
    const hmacSecret = secret('hm-', '+/');
    const marker = `hygiene-${randomBytes(8).toString('hex')}`;
    const stateMarker = `webview-state-${randomBytes(8).toString('hex')}`;

    const logMarker = await withShownRecorded(async (answers) => {
      // An API-key profile whose key is encrypted; the pass phrase is in no file.
      const encryptedKey = path.join(path.dirname(CONFIG_FILE), 'hygiene_encrypted.pem');
      mkdirSync(path.dirname(encryptedKey), { recursive: true });
      writeFileSync(
        encryptedKey,
        privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }),
        { mode: 0o600 },
      );
      const emulatorConfig = readFileSync(emulator.identity.configFile, 'utf8');
      const apiProfile = /\[EMULATOR\]\n([\s\S]*?)(?:\n\[|$)/.exec(emulatorConfig)![1];
      const encryptedProfile = apiProfile.replace(/^key_file=.*$/m, `key_file=${encryptedKey}`);
      writeConfig(`${SAMPLE_CONFIG}\n${emulatorConfig}\n[${ENCRYPTED_PROFILE}]\n${encryptedProfile}\n`);
      const settings = vscode.workspace.getConfiguration('oew');
      await settings.update(
        'oci.endpoints',
        Object.fromEntries(
          [EMULATOR_PROFILE, EMULATOR_SESSION_PROFILE, ENCRYPTED_PROFILE].map((p) => [p, emulator.server.url]),
        ),
        vscode.ConfigurationTarget.Global,
      );
      const { tenancy, fusion, sender } = await api();
      await tenancy.model.refresh();

      const encrypted = await profileRows(ENCRYPTED_PROFILE);
      const ask = encrypted.find((r) => r.label === 'Enter the pass phrase of the key…');
      assert.ok(ask, `the pass phrase row among ${encrypted.map((r) => r.label).join(', ')}`);
      // A wrong pass phrase first: the box asks again, and that one is as secret.
      answers.push(wrongPassphrase, passphrase);
      const item = tenancy.provider.getTreeItem(ask.node);
      await vscode.commands.executeCommand(item.command!.command, ...((item.command!.arguments ?? []) as unknown[]));
      const opened = await waitFor(
        () => profileRows(ENCRYPTED_PROFILE),
        (rows) => rows.length > 0 && rows[0].label !== ask.label && !/pass phrase/i.test(rows[0].label),
        'the encrypted profile’s tenancy once its key is open',
      );
      assert.strictEqual(answers.length, 0, 'both pass phrases were asked for');
      assert.ok(
        shownText.some((t) => t.includes('That pass phrase did not open')),
        'the wrong one was refused',
      );
      await walk(opened[0].node, 2);

      // A session-token profile, signing with the emulator's session.
      const session = await profileRows(EMULATOR_SESSION_PROFILE);
      await walk(session[0].node, 2);

      // Create Subscription with Basic credentials in an HTTPS endpoint, typed in its input box.
      const apiRows = await profileRows(EMULATOR_PROFILE);
      const topic = (await pathTo(apiRows[0].node, ['apps', 'apps-dev', 'Topics'])).find(
        (r) => r.label === 'dev-notifications',
      )!;
      const endpoint = `https://hook:${encodeURIComponent(subscriptionPassword)}@127.0.0.1:9/${marker}`;
      answers.push({ protocol: 'CUSTOM_HTTPS' }, `${endpoint}?token=${encodeURIComponent(subscriptionPassword)}`);
      await vscode.commands.executeCommand('oew.tenancy.createSubscription', topic.node);
      answers.push({ protocol: 'CUSTOM_HTTPS' }, endpoint);
      await vscode.commands.executeCommand('oew.tenancy.createSubscription', topic.node);
      const subscription = (await shown(topic.node)).find((r) => r.label.includes(marker));
      assert.ok(subscription, 'the subscription is listed');
      await vscode.commands.executeCommand('oew.tenancy.resendConfirmation', subscription.node);
      await walk(topic.node, 1);

      // A Fusion connection whose password is typed into its input box.
      await settings.update(
        'fusion.connections',
        [
          {
            name: FUSION_CONNECTION,
            baseUrl: emulator.announcement.fusion.url,
            username: emulator.announcement.fusion.username,
          },
        ],
        vscode.ConfigurationTarget.Global,
      );
      const connection = await waitFor(
        () => fusion.model.connections().find((c) => c.connection.name === FUSION_CONNECTION),
        (c) => c !== undefined,
        'the Fusion connection',
      );
      answers.push(fusionPassword);
      await vscode.commands.executeCommand('oew.fusion.setPassword', connection);
      await walkFusion(2);

      // The Webhook Sender: a Bearer token and a Cloudpods robot's HMAC secret_key, then a
      // failed send, a replay from history, and the request saved to .oew/requests.
      const { panel, posted } = await openPanel();
      const request: SenderRequest = {
        ...emptySenderRequest(),
        template: 'cloudpods-event',
        url: `${server.url}/${marker}`,
        auth: { kind: 'bearer' },
      };
      let from = posted.length;
      await panel.receive({ type: 'send', request, secrets: { auth: bearer, template: hmacSecret } });
      await next(posted, 'response', from);
      const received = server.received.at(-1)!;
      assert.strictEqual(received.headers.authorization, `Bearer ${bearer}`);
      assert.strictEqual(
        received.headers['x-auth-token'],
        createHmac('sha256', hmacSecret).update(received.body).digest('hex'),
        'the body is signed with the HMAC secret',
      );
      from = posted.length;
      await panel.receive({
        type: 'send',
        request: { ...request, url: `http://127.0.0.1:9/${marker}` },
        secrets: { auth: bearer, template: hmacSecret },
      });
      await waitFor(
        () => posted.slice(from).some((m) => m.type === 'failed'),
        (failed) => failed,
        'the send to a closed port failing',
      );
      // Basic credentials typed into the sender's URL: moved to SecretStorage, the form cleaned.
      from = posted.length;
      await panel.receive({
        type: 'send',
        request: {
          ...emptySenderRequest(),
          template: 'cloudpods-verify',
          url: `${server.url.replace('://', `://hook:${encodeURIComponent(subscriptionPassword)}@`)}/basic-${marker}`,
        },
        secrets: {},
      });
      await next(posted, 'response', from);
      assert.strictEqual(
        server.received.at(-1)!.headers.authorization,
        `Basic ${Buffer.from(`hook:${subscriptionPassword}`).toString('base64')}`,
      );
      const sent = sender.history.entries().find((e) => e.sent.url === `${server.url}/${marker}`)!;
      from = posted.length;
      const before = server.received.length;
      await panel.receive({ type: 'replay', id: sent.id, send: true });
      await next(posted, 'response', from);
      assert.strictEqual(server.received.length, before + 1, 'the replay was sent');
      assert.strictEqual(server.received.at(-1)!.headers.authorization, `Bearer ${bearer}`, 'with the kept token');
      await panel.receive({ type: 'replay', id: sent.id, send: false });
      answers.push(marker);
      await panel.receive({ type: 'saveRequest', request });
      assert.ok(existsSync(path.join(workspaceFolder(), '.oew', 'requests', `${marker}.json`)), 'the request is saved');

      // Only the webview's saved state holds this address: it was never sent.
      answers.push('hygiene-state');
      const saved = await panel.receive({
        type: 'saveRequest',
        request: { ...request, url: `${server.url}/${stateMarker}` },
      });
      assert.strictEqual(saved, undefined);
      await vscode.commands.executeCommand(
        'oew.sender.openRequestFile',
        vscode.Uri.file(path.join(workspaceFolder(), '.oew', 'requests', 'hygiene-state.json')),
      );

      const inboxUrl = await vscode.commands.executeCommand<string>('oew.inbox.start');
      await vscode.commands.executeCommand('oew.inbox.stop');
      return `Webhook inbox on ${inboxUrl} stopped.`;
    });
    const list = [
      { name: 'pass phrase', value: passphrase },
      { name: 'wrong pass phrase', value: wrongPassphrase },
      { name: 'private key', value: keyBody },
      { name: 'session token', value: sessionToken },
      { name: 'Fusion password', value: fusionPassword },
      { name: 'Basic-auth URL password', value: subscriptionPassword },
      { name: 'bearer token', value: bearer },
      { name: 'HMAC secret', value: hmacSecret },
    ];
    return {
      list,
      value: (name) => list.find((s) => s.name === name)!.value,
      wire: { headers: server.received.at(-1)!.headers },
      stateMarker,
      logMarker,
    };
  }

  /**
   * Runs `work` with the window's message, input box, quick pick and progress functions stood in
   * for: each shown text (and each validation message) is recorded, and input boxes and quick
   * picks take the next of `answers` (a quick pick the first item holding its fields).
   */
  async function withShownRecorded<T>(work: (answers: unknown[]) => Promise<T>): Promise<T> {
    const answers: unknown[] = [];
    const window = vscode.window as unknown as Record<string, unknown>;
    const names = [
      'showInformationMessage',
      'showWarningMessage',
      'showErrorMessage',
      'showInputBox',
      'showQuickPick',
      'withProgress',
    ];
    const originals = Object.fromEntries(names.map((n) => [n, window[n]]));
    const record = (...values: unknown[]) => shownText.push(JSON.stringify(values));
    const message = (text: string, ...items: unknown[]) => (record(text, items), Promise.resolve(undefined));
    window.showInformationMessage = message;
    window.showWarningMessage = message;
    window.showErrorMessage = message;
    window.showInputBox = async (options: vscode.InputBoxOptions = {}) => {
      const answer = answers.shift() as string | undefined;
      const problem = answer === undefined ? undefined : await options.validateInput?.(answer);
      record(options.title, options.prompt, options.placeHolder, options.value, problem);
      return answer;
    };
    window.showQuickPick = async (items: unknown, options: vscode.QuickPickOptions = {}) => {
      const list = (await items) as Record<string, unknown>[];
      record(options.title, options.placeHolder, list);
      const wanted = answers.shift() as Record<string, unknown>;
      return list.find((item) => Object.entries(wanted).every(([k, v]) => item[k] === v));
    };
    window.withProgress = (
      options: vscode.ProgressOptions,
      task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Thenable<unknown>,
    ) => {
      record(options.title);
      return task({ report: (p) => record(p.message) }, new vscode.CancellationTokenSource().token);
    };
    try {
      return await work(answers);
    } finally {
      Object.assign(window, originals);
    }
  }

  async function profileRows(name: string): Promise<Shown[]> {
    const { tenancy } = await api();
    const profile = await waitFor(
      () => tenancy.model.roots().find((n): n is ProfileNode => n.kind === 'profile' && n.profile.name === name),
      (n) => n !== undefined,
      `the ${name} profile`,
    );
    return recorded(await shown(profile));
  }

  /** Opens the rows labelled `labels` under `node` and returns the last one's rows. */
  async function pathTo(node: TenancyNode, labels: string[]): Promise<Shown[]> {
    let rows = recorded(await shown(node));
    for (const label of labels) {
      const row = rows.find((r) => r.label === label);
      assert.ok(row, `"${label}" among ${rows.map((r) => r.label).join(', ')}`);
      rows = recorded(await shown(row.node));
    }
    return rows;
  }

  /** Reads the Tenancy view's rows `depth` levels under `node`, as a user expanding them would. */
  async function walk(node: TenancyNode, depth: number): Promise<void> {
    const rows = recorded(await shown(node));
    if (depth > 1) {
      for (const row of rows) {
        await walk(row.node, depth - 1);
      }
    }
  }

  async function walkFusion(depth: number, node?: FusionNode): Promise<void> {
    const { fusion } = await api();
    const children = (await fusion.provider.getChildren(node)) ?? [];
    for (const child of children) {
      const item = fusion.provider.getTreeItem(child);
      shownText.push(JSON.stringify([item.label, item.description, item.tooltip]));
      if (depth > 0) {
        await walkFusion(depth - 1, child);
      }
    }
  }

  function recorded(rows: Shown[]): Shown[] {
    for (const row of rows) {
      shownText.push(JSON.stringify([row.label, row.description, row.tooltip]));
    }
    return rows;
  }
});

function workspaceFolder(): string {
  return vscode.workspace.workspaceFolders![0].uri.fsPath;
}

interface Place {
  readonly kind: string;
  readonly file: string;
}

/**
 * Every file the editor, the extension and the browser keep for this run, by kind. The launcher
 * gives the host a fake home inside the run folder, so that folder is the parent of the home.
 *
 * Left out: the user's own files (the fake home's .oci, which holds the encrypted key, and the
 * temporary folder where the emulator keeps its session token and key), and nothing else.
 * SecretStorage itself is searched too: code-server keeps it in the browser's localStorage
 * under `secrets.provider`, sealed with AES-GCM under a key the server mints
 * (LocalStorageSecretStorageProvider in its workbench.js), so no secret is plain there.
 */
function searchablePlaces(): Place[] {
  const run = path.dirname(os.homedir());
  const skipped = [path.join(os.homedir(), '.oci'), os.tmpdir(), path.join(run, 'exts')];
  const places: Place[] = [];
  // The browser removes cache files and folders as it runs: one gone since it was listed holds nothing.
  const visit = (dir: string) => {
    for (const entry of listIfThere(dir)) {
      const full = path.join(dir, entry.name);
      if (skipped.some((s) => full === s || full.startsWith(s + path.sep))) {
        continue;
      }
      if (entry.isDirectory()) {
        visit(full);
      } else if (entry.isFile() && (statSync(full, { throwIfNoEntry: false })?.size ?? 0) > 0) {
        places.push({ kind: kindOf(path.relative(run, full)), file: full });
      }
    }
  };
  visit(run);
  return places;
}

function kindOf(relative: string): string {
  const parts = relative.split(path.sep);
  if (parts[0] === 'udd') {
    if (parts[1] === 'logs') {
      return parts.includes('oew.oci-event-workbench') ? 'output channel' : 'logs';
    }
    if (parts[1] === 'User' && (parts[2] === 'globalStorage' || parts[2] === 'workspaceStorage')) {
      return `extension ${parts[2]}`;
    }
    if (relative.endsWith('settings.json')) {
      return 'settings';
    }
    if (parts[1] === 'User' && parts[2] === 'History') {
      return 'local history';
    }
    return 'editor data';
  }
  if (parts[0] === 'browser') {
    if (parts[2] === 'Local Storage') {
      return 'browser localStorage (SecretStorage, sealed)';
    }
    return parts[2] === 'IndexedDB' ? 'editor state' : 'browser profile';
  }
  if (parts[0] === 'workspace') {
    return parts[1] === '.oew' ? '.oew' : parts[1] === '.vscode' ? 'settings' : 'workspace';
  }
  return relative.endsWith('.log') || parts[0] === 'xdg' ? 'logs' : 'run folder';
}

/**
 * The secret as typed, URL-encoded, and in base64 (standard and URL-safe) at each of the three
 * offsets it can start at inside encoded text such as `Basic base64(user:password)`: the
 * characters that only the secret's bytes decide.
 */
function encodings(value: string): { encoding: string; text: string }[] {
  const bytes = Buffer.from(value, 'utf8');
  const base64 = (offset: number, alphabet: 'base64' | 'base64url') => {
    const text = Buffer.concat([Buffer.alloc(offset), bytes]).toString(alphabet);
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length) - 6) / 6);
    return text.slice(first, last + 1);
  };
  return [
    { encoding: 'raw', text: value },
    { encoding: 'URL-encoded', text: encodeURIComponent(value) },
    ...[0, 1, 2].flatMap((offset) => [
      { encoding: `base64@${offset}`, text: base64(offset, 'base64') },
      { encoding: `base64url@${offset}`, text: base64(offset, 'base64url') },
    ]),
  ];
}

/** Browsers keep strings as UTF-8, Latin-1 or UTF-16: search the bytes of each. */
function bytesHold(data: Buffer, text: string): boolean {
  return data.includes(Buffer.from(text, 'utf8')) || data.includes(Buffer.from(text, 'utf16le'));
}

function contains(file: string, text: string): boolean {
  return bytesHold(readIfThere(file), text);
}

/** A folder's entries, or none when it went since it was listed. */
function listIfThere(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw err;
  }
}

/** A file's bytes, or none when it went since it was listed. */
function readIfThere(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return Buffer.alloc(0);
    }
    throw err;
  }
}
