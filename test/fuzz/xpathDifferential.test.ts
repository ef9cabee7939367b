import * as assert from 'assert';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import * as path from 'path';
import { XNode } from '../../src/core/xpath/engine/dataModel';
import { evaluateXPath } from '../../src/core/xpath/engine/evaluator';
import { parsePayloadTree } from '../../src/core/xpath/engine/payloadTree';
import { XPathValue } from '../../src/core/xpath/engine/values';
import { parseExpression } from '../../src/core/xpath/parser';
import { FULL, inputsRun, SEED } from './fuzzRun';
import { XPathCase, xpathCase } from './xpathCases';

/** Debian's python, which sees Debian's python3-lxml (a python of one's own may not). */
const PYTHON = '/usr/bin/python3';
const REFERENCE = path.resolve(__dirname, '..', '..', '..', 'test', 'fuzz', 'lxmlReference.py');
const CI_CASES = 2_500;
const FULL_CASES = 100_000;
const BATCH = 5_000;

type Comparable =
  | { type: 'boolean' | 'string'; value: boolean | string }
  | { type: 'number'; value: number | string }
  | { type: 'node-set'; count: number; nodes: { kind: string; name: string; value: string }[] | null }
  | { error: string };

/** Our answer in the reference's form: names as {uri}local, NaN and the infinities as text, -0 as 0. */
function ours(value: XPathValue): Comparable {
  switch (value.type) {
    case 'number': {
      const n = value.value;
      return {
        type: 'number',
        value: Number.isFinite(n) ? n + 0 : Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity',
      };
    }
    case 'node-set':
      return {
        type: 'node-set',
        count: value.nodes.length,
        nodes: value.nodes.filter((n) => n.kind !== 'root').map(shape),
      };
    default:
      return value;
  }
}

function shape(node: XNode): { kind: string; name: string; value: string } {
  const named = node.kind === 'element' || node.kind === 'attribute';
  const name = named
    ? node.namespaceUri
      ? `{${node.namespaceUri}}${node.localName}`
      : node.localName
    : node.localName;
  return { kind: node.kind, name, value: node.stringValue };
}

/**
 * Attributes and namespace nodes in a row compare as sets: their order is the engine's choice (5).
 * Where lxml could not list a node-set whole, only its count is compared.
 */
function canonical(answer: Comparable, reference: Comparable): string {
  if (!('type' in answer) || answer.type !== 'node-set') {
    return JSON.stringify(answer);
  }
  if (!answer.nodes || ('type' in reference && reference.type === 'node-set' && !reference.nodes)) {
    return JSON.stringify({ type: 'node-set', count: answer.count });
  }
  const nodes = [...answer.nodes];
  for (let i = 0; i < nodes.length;) {
    let j = i;
    while (
      j < nodes.length &&
      nodes[j].kind === nodes[i].kind &&
      (nodes[i].kind === 'attribute' || nodes[i].kind === 'namespace')
    )
      j++;
    if (j > i + 1) {
      const run = nodes.slice(i, j).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      nodes.splice(i, run.length, ...run);
    }
    i = Math.max(j, i + 1);
  }
  return JSON.stringify({ type: 'node-set', count: answer.count, nodes });
}

function evaluateOurs(c: XPathCase): Comparable {
  const tree = parsePayloadTree(c.xml);
  if ('error' in tree) {
    return { error: tree.error };
  }
  try {
    return ours(evaluateXPath(c.expr, tree, c.ns));
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function evaluateReference(cases: readonly XPathCase[]): Comparable[] {
  const result = spawnSync(PYTHON, [REFERENCE], {
    input: cases.map((c) => JSON.stringify(c)).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    throw new Error(
      `The reference engine did not run (${result.error?.message ?? result.stderr.trim()}). It needs Debian's python3-lxml: sudo apt-get install -y python3-lxml`,
    );
  }
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Comparable);
}

describe('XPath filters evaluate as libxml2 evaluates them (lxml, a conformant XPath 1.0 engine)', function () {
  this.timeout(0);

  it(`gives the same answer for every generated filter over generated and Fusion payloads (${FULL ? FULL_CASES : CI_CASES} cases)`, () => {
    const cases = fc.sample(xpathCase, { seed: SEED, numRuns: FULL ? FULL_CASES : CI_CASES });
    const refused = cases.filter((c) => parseExpression(c.expr).problem);
    assert.deepStrictEqual(
      refused.slice(0, 5).map((c) => `${c.expr}: ${parseExpression(c.expr).problem!.message}`),
      [],
      'our parser accepts every generated expression',
    );
    const differences: string[] = [];
    const answers: Comparable[] = [];
    let errors = 0;
    for (let from = 0; from < cases.length; from += BATCH) {
      const batch = cases.slice(from, from + BATCH);
      const reference = evaluateReference(batch);
      batch.forEach((c, i) => {
        const mine = evaluateOurs(c);
        const theirs = reference[i];
        answers.push(theirs);
        if ('error' in theirs || 'error' in mine) {
          errors++;
        }
        if (canonical(mine, theirs) !== canonical(theirs, theirs)) {
          differences.push(
            `${c.expr}\n    payload: ${c.xml.length > 600 ? `${c.xml.slice(0, 600)}…` : c.xml}\n    ours:    ${canonical(mine, theirs)}\n    libxml2: ${canonical(theirs, theirs)}`,
          );
        }
      });
    }
    inputsRun.set('XPath differential (lxml)', cases.length);
    console.log(`      answers: ${describeAnswers(answers)}`);
    assert.deepStrictEqual(
      differences.slice(0, 5),
      [],
      `${differences.length} of ${cases.length} cases differ (seed ${SEED}; OEW_FUZZ_SEED replays another)`,
    );
    assert.strictEqual(errors, 0, 'no generated case is an error on either side');
  });
});

/** What the cases answered, so that a generator gone dull (every node-set empty) shows. */
function describeAnswers(answers: readonly Comparable[]): string {
  const share = (n: number) => `${Math.round((100 * n) / answers.length)}%`;
  const of = (type: string) => answers.filter((a) => 'type' in a && a.type === type);
  const nodeSets = of('node-set') as Extract<Comparable, { type: 'node-set' }>[];
  const booleans = of('boolean') as Extract<Comparable, { type: 'boolean' | 'string' }>[];
  return [
    `${share(booleans.length)} boolean (${share(booleans.filter((b) => b.value === true).length)} of all true)`,
    `${share(of('number').length)} number`,
    `${share(of('string').length)} string`,
    `${share(nodeSets.length)} node-set (${share(nodeSets.filter((n) => n.count > 0).length)} of all non-empty)`,
  ].join(', ');
}
