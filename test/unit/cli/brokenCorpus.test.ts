import * as assert from 'assert';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { WORKSPACE_EVENT_TYPES } from '../../../src/core/condition/userEventTypes';
import { isJsonObject } from '../../../src/core/json/isJsonObject';
import { ENVIRONMENTS_FILE } from '../../../src/core/variables/environments';
import { poPayload, SEED_FILTER } from '../xpath/fixtures';
import { useTempDir } from '../tempDir';
import { BrokenFile, brokenVariants, place } from './brokenFiles';
import { captureCli } from './captureCli';
import { runCli } from './runCli';

/** Broken files per kind: the issue asks for at least 200. */
const PER_KIND = 210;
const CREATE = 'com.oraclecloud.objectstorage.createobject';
const CONDITION = JSON.stringify(
  { eventType: [CREATE], data: { compartmentName: 'prod', resourceName: 'bucket-*' } },
  null,
  2,
);
const RULE = JSON.stringify(
  {
    displayName: 'on upload',
    isEnabled: true,
    condition: JSON.stringify({ eventType: CREATE, data: { additionalDetails: { bucketName: 'b' } } }),
    actions: { actions: [{ actionType: 'ONS', isEnabled: true, topicId: 'ocid1.onstopic.oc1..aaaa' }] },
  },
  null,
  2,
);
const EVENT = JSON.stringify(
  {
    eventType: CREATE,
    cloudEventsVersion: '0.1',
    eventTime: '2024-05-01T10:00:00Z',
    data: { compartmentName: 'prod', resourceName: 'bucket-1', additionalDetails: { bucketName: 'b' } },
  },
  null,
  2,
);
const BODY = JSON.stringify(
  { id: '{{uuid}}', eventTime: '{{now}}', data: { note: 'a {{ brace', n: 1, list: [true, null] } },
  null,
  2,
);
const ENVIRONMENTS = JSON.stringify(
  { environments: { local: { inbox: 'http://127.0.0.1:9/hook', n: 1 }, ci: { inbox: 'http://h/{{uuid}}' } } },
  null,
  2,
);
const EVENT_TYPES = JSON.stringify(
  { eventTypes: ['com.example.mine.created', { eventType: 'com.example.mine.deleted', service: 'Mine' }] },
  null,
  2,
);
const DEEP = 20_000;

/** What a user must never see: a stack frame, or Node's and JavaScript's own wording. */
const RAW = new RegExp(
  [
    '^\\s+at ',
    '\\b(ENOENT|EISDIR|ENOTDIR|ELOOP|ENAMETOOLONG|EACCES|EMFILE)\\b',
    '(Syntax|Type|Range|Reference)Error',
    'Unexpected (token|end|non-whitespace)',
    'in JSON at position',
    'JSON input',
    'Invalid string length',
    'Invalid URL',
    '\\bERR_[A-Z_]+',
    'Maximum call stack',
    'Cannot read properties',
    'is not a function',
    'undefined is not',
    '\\[object Object\\]',
  ].join('|'),
  'm',
);

interface Run {
  readonly args: string[];
  readonly cwd?: string;
}

interface Kind {
  readonly name: string;
  readonly seed: string;
  readonly wrongTypes: readonly string[];
  /** Where the broken file goes in a folder of its own: its name says what it is, for `check`. */
  readonly file: string;
  /** The commands that read it; `check` first when it is a file `check` reads. */
  readonly runs: (file: string) => Run[];
  /** Readable text every command must refuse (exit 2), and `check` must report. */
  readonly refuses: (text: string) => boolean;
}

const notJson = (text: string) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};

/** Not JSON, or JSON that is no object: what `match` cannot take for a condition or an event. */
const notAnObject = (text: string) => notJson(text) || !isJsonObject(JSON.parse(text));

/** The kinds of input file the command line reads, with the valid files their commands read beside them. */
function kinds(dir: string): Kind[] {
  const event = path.join(dir, 'event.json');
  const condition = path.join(dir, 'seed.condition.json');
  const filter = path.join(dir, 'seed.xpathfilter');
  const payload = path.join(dir, 'seed.xml');
  writeFileSync(event, EVENT);
  writeFileSync(condition, CONDITION);
  writeFileSync(filter, SEED_FILTER);
  writeFileSync(payload, poPayload());
  const workspaceOf = (file: string) => path.dirname(path.dirname(file));
  return [
    {
      name: 'condition',
      seed: CONDITION,
      wrongTypes: [
        '[]',
        '"x"',
        '42',
        'null',
        'true',
        '{"eventType": 1}',
        '{"data": []}',
        '{"eventType": [[[]]]}',
        '{"eventType": "com.example.\\n\\r\\u2028next"}',
        '{"data": {"a\\nb": "c"}, "a\\r\\nb": 1}',
      ],
      file: 'c.condition.json',
      runs: (f) => [{ args: ['check', f] }, { args: ['match', '--condition', f, '--event', event] }],
      refuses: notAnObject,
    },
    {
      name: 'rule',
      seed: RULE,
      wrongTypes: [
        '{"condition": 1}',
        '{"condition": "{"}',
        '{"condition": null}',
        '{"condition": []}',
        '{"condition": "[1]", "actions": 1}',
        '{"displayName": {}, "condition": "{}"}',
        '{"": 1, "a\\nb": 2, "condition": {"eventType": "x\\ny"}, "actions": {"actions": [{"actionType": "\\n"}]}}',
        '{"condition": "{\\"eventType\\": \\"a\\\\q\\"}"}',
        `{"condition": "${'[\\"'.repeat(DEEP)}"}`,
      ],
      file: 'r.rule.json',
      runs: (f) => [{ args: ['check', f] }, { args: ['match', '--condition', f, '--event', event] }],
      refuses: notJson,
    },
    {
      name: 'filter',
      seed: SEED_FILTER,
      wrongTypes: [
        '<xpathExpr/>',
        '<xpathExpr>1 +</xpathExpr>',
        '<xpathExpr>(((</xpathExpr>',
        '<a><b></a>',
        '<xpathExpr>$x/</xpathExpr>',
        `<xpathExpr>${'('.repeat(50)}1${')'.repeat(50)}</xpathExpr>`,
        `<xpathExpr>${'$eventPayload'.padEnd(200_000, '/a')}</xpathExpr>`,
        `<xpathExpr>${'not('.repeat(DEEP)}1${')'.repeat(DEEP)}</xpathExpr>`,
        '<xpathExpr>$eventPayload/\n/\r\n[</xpathExpr>',
        '<xpathExpr xmlns:a="\n">a:\nb(</xpathExpr>',
      ],
      file: 'f.xpathfilter',
      runs: (f) => [{ args: ['check', f] }, { args: ['xpath', '--filter', f, '--payload', payload] }],
      refuses: () => false,
    },
    {
      name: 'payload (JSON event)',
      seed: EVENT,
      wrongTypes: ['[]', '"x"', '42', 'null', '{"data": 1}', '{"eventType": {}}', '{"data": {"a": {"b": []}}}'],
      file: 'e.json',
      runs: (f) => [{ args: ['match', '--condition', condition, '--event', f] }],
      refuses: notAnObject,
    },
    {
      name: 'payload (send --body)',
      seed: BODY,
      wrongTypes: ['{{', '{{env:}}', '{{env:OEW_CORPUS_NOT_SET}}', '{{nope}}', '{{uuid', '}}{{', '{{{{uuid}}}}'],
      file: 'body.json',
      runs: (f) => [{ args: ['send', '--template', 'oci-event', '--body', f, '--dry-run', 'http://127.0.0.1:9/'] }],
      refuses: () => false,
    },
    {
      name: 'payload (Fusion XML)',
      seed: poPayload(),
      wrongTypes: [
        '<a>',
        '</a>',
        '<a><b></a></b>',
        '<?xml version="1.0"?>',
        '<a xmlns:x="">&bogus;</a>',
        '{"not": "xml"}',
        '<!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;&x;&x;">]><a>&y;</a>',
      ],
      file: 'p.xml',
      runs: (f) => [{ args: ['xpath', '--filter', filter, '--payload', f] }],
      refuses: () => false,
    },
    {
      name: 'config (.oew/environments.json)',
      seed: ENVIRONMENTS,
      wrongTypes: [
        '[]',
        '{"environments": []}',
        '{"environments": {"local": 1}}',
        '{"environments": {"local": {"inbox": {}}}}',
        '{"environments": null}',
        '{"environments": {"other": {}}}',
        '{"environments": {"local": {"inbox": "{{env:OEW_CORPUS_NOT_SET}}"}}}',
        '{"environments": {"local": {"inbox": "{{nope"}}}',
        '{"environments": {"local": {"inbox": "http://a\\nb:\\r\\n/x"}}}',
        '{"environments": {"local\\n": {}}}',
      ],
      file: ENVIRONMENTS_FILE,
      runs: (f) => [
        {
          args: [
            'send',
            '--template',
            'oci-event',
            '--env',
            'local',
            '--workspace',
            workspaceOf(f),
            '--dry-run',
            '{{inbox}}',
          ],
        },
      ],
      refuses: notJson,
    },
    {
      name: 'config (.oew/event-types.json)',
      seed: EVENT_TYPES,
      wrongTypes: [
        '{}',
        '"x"',
        '[1]',
        '[{"eventType": ""}]',
        '{"eventTypes": {}}',
        `[{"eventType": "a", "additionalDetails": {"k": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}}]`,
      ],
      file: WORKSPACE_EVENT_TYPES,
      runs: (f) => [{ args: ['check', condition], cwd: workspaceOf(f) }],
      refuses: notJson,
    },
  ];
}

/** The lines of a text as `check` counts them (\r\n, \r and \n each end one). */
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

const FINDING = /^(\d+):(\d+): (?:error|warning|info|hint) [\w-]+: \S/;

/** Asserts that a line printed as FILE:LINE:COL: SEVERITY CODE: MESSAGE names a place inside the file's text. */
function assertPlaced(line: string, file: string, text: string, where: string): void {
  assert.ok(line.startsWith(`${file}:`), `${where}: ${line}`);
  const [, at, col] = FINDING.exec(line.slice(file.length + 1)) ?? [];
  assert.ok(at, `${where}: ${line}`);
  const inLine = linesOf(text)[Number(at) - 1];
  assert.ok(inLine !== undefined && Number(col) <= inLine.length + 1, `${where}: ${line} lies outside the text`);
}

/** Asserts what one run of a command on one broken file may print and return, and says what it did. */
function judge(
  kind: Kind,
  broken: BrokenFile,
  run: Run,
  result: { status: number; stdout: string; stderr: string },
): 'refused' | 'answered' | 'findings' {
  const where = `${kind.name} ${broken.name}: oew ${run.args.join(' ').slice(0, 300)}`;
  assert.doesNotMatch(result.stdout + result.stderr, RAW, where);
  const text = Buffer.isBuffer(broken.content) ? broken.content.toString('utf8') : undefined;
  const checkingIt = run.args[0] === 'check' && !run.cwd;
  // oew xpath names the broken filter's findings at their place, as check does.
  const filter = run.args[0] === 'xpath' && run.args[2].endsWith(kind.file) ? run.args[2] : undefined;
  const placeIfInFilter = (line: string) => {
    if (filter !== undefined && text !== undefined && line.startsWith(`${filter}:`)) {
      assertPlaced(line, filter, text, where);
    }
  };
  if (!checkingIt) {
    if (result.status === 2) {
      assert.strictEqual(result.stdout, '', where);
      assert.match(result.stderr, /^oew \w+: [^\n]+\n$/, `${where}: not one line`);
      placeIfInFilter(result.stderr.slice('oew xpath: '.length));
      return 'refused';
    }
    // The workspace's file named too long to be the one it reads: the workspace has none.
    const absent = run.cwd && (broken.content === 'missing' || broken.content === 'name-too-long');
    assert.ok(
      absent || (text !== undefined && !kind.refuses(text)),
      `${where}: exit ${result.status}, not 2\n${result.stderr}`,
    );
    assert.ok(result.status === 0 || result.status === 1, `${where}: exit ${result.status}`);
    for (const line of result.stderr.split('\n').slice(0, -1)) {
      assert.match(
        line,
        /^(oew \w+|([^\n]+:\d+:\d+: )?(error|warning|info|hint) [\w-]+): \S/,
        `${where}: not one line each`,
      );
      placeIfInFilter(line);
    }
    if (run.cwd) {
      assert.strictEqual(result.stderr, '', `${where}: a warning, yet exit ${result.status}`);
    }
    return 'answered';
  }
  if (text === undefined) {
    assert.strictEqual(result.status, 2, where);
    assert.strictEqual(result.stdout, '', where);
    assert.match(result.stderr, /^oew check: [^\n]+\n$/, `${where}: not one line`);
    return 'refused';
  }
  assert.strictEqual(result.stderr, '', where);
  const findings = result.stdout.split('\n').filter(Boolean);
  for (const line of findings) {
    assertPlaced(line, run.args[1], text, where);
  }
  const tooDeep = findings.some((l) => / error too-deep: /.test(l));
  assert.strictEqual(result.status === 2, tooDeep, `${where}: exit ${result.status}\n${result.stdout}`);
  if (kind.refuses(text)) {
    assert.ok(
      findings.some((l) => / error /.test(l)),
      `${where}: not JSON, yet no error\n${result.stdout}`,
    );
  }
  return result.status === 0 ? 'answered' : 'findings';
}

describe('oew on a corpus of broken files: one clear line and exit 2, or findings from check, never a stack or a raw message', function () {
  this.timeout(120_000);
  const dir = useTempDir();
  const saved = process.env.XDG_CONFIG_HOME;
  beforeEach(() => (process.env.XDG_CONFIG_HOME = path.join(dir(), 'config')));
  afterEach(() => (process.env.XDG_CONFIG_HOME = saved));

  it(`gives each of ${PER_KIND} broken files per kind what it promises (in-process)`, async () => {
    const figures: string[] = [];
    for (const [index, kind] of kinds(dir()).entries()) {
      const corpus = brokenVariants(kind.seed, PER_KIND, kind.wrongTypes, 17 + index);
      assert.ok(new Set(corpus.map((b) => b.content.toString())).size >= 200, `${kind.name}: too few distinct files`);
      const counts: Record<string, number> = {};
      for (const [i, broken] of corpus.entries()) {
        const file = place(path.join(dir(), `k${index}`, `${i}-${broken.name}`, kind.file), broken);
        for (const run of kind.runs(file)) {
          const outcome = judge(kind, broken, run, await captureCli(run.args, run.cwd));
          const key = `${run.args[0]} ${outcome}`;
          counts[key] = (counts[key] ?? 0) + 1;
        }
      }
      const summary = Object.entries(counts)
        .map(([key, n]) => `${key} ${n}`)
        .join(', ');
      figures.push(`${kind.name}: ${corpus.length} files (${summary})`);
    }
    console.log(`      broken-file corpus:\n        ${figures.join('\n        ')}`);
  });

  it('prints the same line and exit code from the bundled dist/cli.js as in-process, for a sample of each kind', async () => {
    // Each child is a whole Node start (near a second on a small machine): three per kind, each
    // kind trying another way of not being a file and another odd encoding, and its commands in turn.
    const unreadable = ['missing', 'folder', 'symlink-loop', 'under-a-file', 'name-too-long', 'oversized'];
    const encodings = ['invalid-utf8', 'nul-middle', 'bom', 'utf16', 'lone-cr', 'binary', 'crlf-runs'];
    const runs: { kind: Kind; broken: BrokenFile; run: Run }[] = [];
    for (const [index, kind] of kinds(dir()).entries()) {
      const corpus = brokenVariants(kind.seed, PER_KIND, kind.wrongTypes, 17 + index);
      const names = ['deep-objects', unreadable[index % unreadable.length], encodings[index % encodings.length]];
      for (const [i, broken] of corpus.filter((b) => names.includes(b.name)).entries()) {
        const file = place(path.join(dir(), `spawned-${index}`, `${i}-${broken.name}`, kind.file), broken);
        const commands = kind.runs(file);
        runs.push({ kind, broken, run: commands[(index + i) % commands.length] });
      }
    }
    const env = { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME! };
    // Two children at a time; in-process runs one by one, as they may change the working folder.
    const spawned: Awaited<ReturnType<typeof runCli>>[] = [];
    for (let start = 0; start < runs.length; start += 2) {
      spawned.push(
        ...(await Promise.all(runs.slice(start, start + 2).map(({ run }) => runCli(run.args, env, run.cwd)))),
      );
    }
    for (const [i, { kind, broken, run }] of runs.entries()) {
      const inProcess = await captureCli(run.args, run.cwd);
      const where = `${kind.name} ${broken.name}: oew ${run.args.join(' ').slice(0, 300)}`;
      assert.strictEqual(spawned[i].status, inProcess.status, `${where}\n${spawned[i].stderr}`);
      assert.strictEqual(spawned[i].stderr, inProcess.stderr, where);
      judge(kind, broken, run, { ...spawned[i], status: spawned[i].status ?? -1 });
    }
  });
});
