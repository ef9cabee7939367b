import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { testCommand } from '../src/cli/testCommand';
import { EventTypeCatalogue } from '../src/core/condition/catalogue';
import { compile } from '../src/core/condition/matcher';
import { buildOciEvent } from '../src/core/payloads/ociEvent';
import { print, repeat } from './benchFigures';
import { record } from './benchResults';

const ROOT = path.resolve(__dirname, '..', '..');
const RULES = 100;
const CASES_PER_RULE = 10;
const SAMPLES = 7;

/**
 * npm run bench -- tests: `oew test` on 1,000 cases over 100 rule documents, in-process and as
 * a fresh CLI process, beside the matcher's raw throughput on the same events and Node's own start.
 */
export async function benchTests(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oew-bench-tests-'));
  try {
    const { conditions, events } = writeWorkspace(dir);
    const silent = { out: () => undefined, err: (text: string) => process.stderr.write(text) };
    const inProcess: number[] = [];
    for (let i = 0; i <= SAMPLES; i++) {
      const start = performance.now();
      const status = await testCommand.run([path.join(dir, 'tests')], silent);
      if (status !== 0) {
        throw new Error(`oew test exited ${status}: every generated case should pass`);
      }
      // The first run is a warm-up, as `repeat` does.
      if (i > 0) {
        inProcess.push(performance.now() - start);
      }
    }
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const child = repeat(SAMPLES, () =>
      execFileSync(process.execPath, [cli, 'test', path.join(dir, 'tests')], { stdio: 'ignore' }),
    );
    const node = repeat(SAMPLES, () => execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' }));
    const matchers = conditions.map((c) => compile(c));
    const raw = repeat(SAMPLES, () => {
      for (let i = 0; i < events.length; i++) {
        matchers[Math.floor(i / CASES_PER_RULE)](events[i]);
      }
    });
    const cases = RULES * CASES_PER_RULE;
    const ownProcess = print(
      `oew test in process: ${cases} cases over ${RULES} rules (target well under 1 s)`,
      inProcess,
    );
    const fresh = print(`oew test as a fresh process (node dist/cli.js test)`, child);
    const nodeAlone = print('baseline: node -e 0, a fresh process doing nothing', node);
    const matcher = print(`baseline: the matcher alone, the same ${cases} events in memory`, raw);
    const perSecond = (ms: number) => cases / (ms / 1000);
    console.log(
      `cases per second: oew test ${Math.round(perSecond(ownProcess.median))}, matcher alone ${Math.round(perSecond(matcher.median))}`,
    );
    record({
      figure: `oew test: ${cases} cases, a fresh CLI process`,
      value: fresh.median,
      unit: 'ms',
      target: { atMost: 1000 },
      baseline: { label: 'node -e 0', value: nodeAlone.median },
    });
    record({
      figure: 'oew test throughput, in process',
      value: perSecond(ownProcess.median),
      unit: 'cases/s',
      baseline: { label: 'the matcher alone', value: perSecond(matcher.median) },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 100 rule documents with varied conditions, and a test file of 10 passing cases for each. */
function writeWorkspace(dir: string): { conditions: unknown[]; events: unknown[] } {
  const types = EventTypeCatalogue.builtin().entries.map((e) => e.eventType);
  for (const folder of ['rules', 'tests', 'samples']) {
    mkdirSync(path.join(dir, folder));
  }
  const conditions: unknown[] = [];
  const events: unknown[] = [];
  for (let r = 0; r < RULES; r++) {
    const own = [types[r % types.length], types[(r * 7 + 3) % types.length]].slice(0, 1 + (r % 2));
    const condition = {
      eventType: own,
      ...(r % 3 ? { data: { resourceName: [`file_chunk/*VAULT-${r}*`, `object-${r}.json`] } } : {}),
    };
    conditions.push(condition);
    writeFileSync(
      path.join(dir, 'rules', `rule-${r}.rule.json`),
      JSON.stringify({ displayName: `rule-${r}`, isEnabled: true, condition, actions: { actions: [] } }, null, 2),
    );
    const cases = Array.from({ length: CASES_PER_RULE }, (_, c) => {
      const matching = c % 2 === 0;
      const event = buildOciEvent({
        eventType: matching ? own[c % own.length] : 'com.example.nothing',
        resourceName: c % 4 === 0 ? `file_chunk/1/VAULT-${r}/x` : `object-${r}.json`,
      });
      events.push(event);
      // Every third case reads its event from a file, as tests that share samples do.
      if (c % 3 === 0) {
        const sample = `rule-${r}-case-${c}.json`;
        writeFileSync(path.join(dir, 'samples', sample), JSON.stringify(event));
        return { name: `case ${c}`, event: `../samples/${sample}`, expect: matching ? 'match' : 'no match' };
      }
      return { name: `case ${c}`, event, expect: matching ? 'match' : 'no match' };
    });
    writeFileSync(
      path.join(dir, 'tests', `rule-${r}.eventtest.json`),
      JSON.stringify({ rule: `../rules/rule-${r}.rule.json`, cases }, null, 2),
    );
  }
  return { conditions, events };
}
