import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchConditions } from './benchConditions';
import { benchFlowMap } from './benchFlowMap';
import { benchFusion } from './benchFusion';
import { benchHostHeap } from './benchHostHeap';
import { benchOci } from './benchOci';
import { benchTests } from './benchTests';
import { benchTree } from './benchTree';
import { benchWebhooks } from './benchWebhooks';
import { benchXPath } from './benchXPath';
import { writeDemoHome } from './demoHome';
import { benchmark, machine, record, recorded, table, writeResults } from './benchResults';
import { stats } from './benchStats';

/**
 * npm run bench [-- NAME] — every benchmark, or one: each prints its figures beside a baseline
 * measured in the same run, then one table gathers the headline figures with their targets.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES = 15;

interface Bench {
  readonly summary: string;
  run(): void | Promise<void>;
}

const BENCHES: Record<string, Bench> = {
  activation: {
    summary: 'load and activate dist/extension.js with a stub vscode module, against loading oci-common',
    run: benchActivation,
  },
  oci: {
    summary:
      'first OCI call from a cold process, and listing every rule of a large tenancy in parallel against a serial SDK walk',
    run: benchOci,
  },
  xpath: {
    summary:
      'OIC filter diagnostics and evaluation on a 20 KB payload, against the engine it replaced (the `xpath` package)',
    run: benchXPath,
  },
  fusion: {
    summary: 'a 1,000-event Fusion catalog from response text to view rows, against JSON.parse alone',
    run: benchFusion,
  },
  webhooks: {
    summary: 'inbox throughput under autocannon and burst sending, against a bare Node http server in the same run',
    run: benchWebhooks,
  },
  tree: {
    summary:
      'the Tenancy view: first expand of the emulator profile with the dist/oci.js load, and the longest event-loop block while browsing a large tenancy',
    run: benchTree,
  },
  conditions: {
    summary: 'condition matcher throughput, diagnostics and completion, against plain parsing and compares',
    run: benchConditions,
  },
  flowmap: {
    summary:
      'the event flow map of the large tenancy at 1,000 and 10,000 nodes: ELK layout, against building the graph alone',
    run: benchFlowMap,
  },
  hostheap: {
    summary:
      "the real extension host's heap (code-server) after browsing the large tenancy and after 10,000 inbox requests, against its heap after activation",
    run: benchHostHeap,
  },
  tests: {
    summary: 'oew test on 1,000 cases over 100 rules, in process and as a fresh CLI, against the matcher alone',
    run: benchTests,
  },
};

function benchActivation(): void {
  const home = mkdtempSync(path.join(os.tmpdir(), 'oew-bench-'));
  try {
    writeDemoHome(home);
    const extension = path.join(ROOT, 'dist', 'extension.js');
    console.log(`dist/extension.js: ${(statSync(extension).size / 1024).toFixed(1)} KB`);
    const child = path.join(__dirname, 'benchChild.js');
    const sample = (mode: string): Record<string, number> => {
      try {
        const out = execFileSync(process.execPath, [child, mode, extension], {
          env: { ...process.env, HOME: home },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        return JSON.parse(out) as Record<string, number>;
      } catch (err) {
        // The bundle is minified: its source line would bury the message.
        const stderr = String((err as { stderr?: string }).stderr ?? err);
        throw new Error(
          `the ${mode} sample failed: ${stderr
            .split('\n')
            .filter((l) => /^\w*Error\b|^\s+at /.test(l))
            .slice(0, 6)
            .join('\n')}`,
          { cause: err },
        );
      }
    };
    const rows: Record<string, number[]> = {};
    for (let i = 0; i < SAMPLES; i++) {
      for (const mode of ['extension', 'baseline-empty', 'baseline-oci-common']) {
        for (const [key, ms] of Object.entries(sample(mode))) {
          (rows[key] ??= []).push(ms);
        }
      }
    }
    console.log(`${SAMPLES} fresh processes each; milliseconds`);
    console.log('figure'.padEnd(46) + 'median'.padStart(9) + 'p90'.padStart(9) + 'min'.padStart(9));
    for (const [key, values] of Object.entries(rows)) {
      const { median, p90, min } = stats(values);
      console.log(key.padEnd(46) + fmt(median).padStart(9) + fmt(p90).padStart(9) + fmt(min).padStart(9));
    }
    const median = (key: string) => stats(rows[key]).median;
    const activation = Object.keys(rows).filter((k) => !k.startsWith('baseline'));
    record({
      figure: 'activation: require dist/extension.js and activate()',
      value: activation.reduce((sum, key) => sum + median(key), 0),
      unit: 'ms',
      baseline: {
        label: "require('oci-common')",
        value: median(Object.keys(rows).find((k) => k.includes('oci-common'))!),
      },
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function fmt(ms: number): string {
  return ms.toFixed(2);
}

/** Runs the benchmarks named (every one when none is), then prints the table of their figures and writes bench/results.json. */
async function main(name: string | undefined): Promise<void> {
  if (name && !BENCHES[name]) {
    console.error(`Usage: npm run bench [-- NAME]\n\nBenchmarks (all of them when no NAME is given):`);
    for (const [key, b] of Object.entries(BENCHES)) {
      console.error(`  ${key.padEnd(12)} ${b.summary}`);
    }
    process.exit(2);
  }
  const failed: string[] = [];
  for (const [key, bench] of Object.entries(BENCHES).filter(([key]) => !name || key === name)) {
    console.log(`\nbench ${key}: ${bench.summary}`);
    benchmark(key);
    // One benchmark that fails leaves the others to run: the table says which has no figures.
    await Promise.resolve(bench.run()).catch((err: unknown) => {
      failed.push(key);
      console.error(`bench ${key} failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
  const m = machine();
  console.log(`\n${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, Node ${m.node.slice(1)}\n`);
  console.log(table(recorded()));
  console.log(`\nWritten to ${path.relative(ROOT, writeResults(ROOT, recorded()))}.`);
  if (failed.length) {
    console.error(`\nFailed: ${failed.join(', ')}.`);
    process.exitCode = 1;
  }
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
