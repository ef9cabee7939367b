import { execFileSync } from 'child_process';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { findEvent } from '../src/core/fusion/fusionEvents';
import { referenceCatalog } from '../src/core/fusion/referenceCatalog';
import { buildFusionEventPayload } from '../src/core/payloads/fusionEvent';
import { analyzeFilter } from '../src/core/xpath/analyzeFilter';
import { parsePayloadTree } from '../src/core/xpath/engine/payloadTree';
import { compileFilter } from '../src/core/xpath/evaluate';
import { print, repeat } from './benchFigures';
import { record } from './benchResults';

const SERVICE = 'http://xmlns.oracle.com/apps/prc/po/editDocument/purchaseOrderServiceV2/';
const TYPES = 'http://xmlns.oracle.com/apps/prc/po/editDocument/purchaseOrderServiceV2/types/';
const EXPRESSION =
  '($eventPayload/ns2:result/ns0:Value/ns0:PurchaseOrderLine/ns0:ItemDescription = "Lan Cable") or ' +
  '($eventPayload/ns2:result/ns0:Value/ns0:Total &gt; 1000 and $eventPayload/ns2:result/ns0:Value/ns0:CurrencyCode = "USD")';

/**
 * npm run bench -- xpath: filter diagnostics, and a compiled filter on a 20 KB payload, beside
 * the engine it replaced in the same run: the `xpath` package over an xmldom DOM, compiled once.
 */
export function benchXPath(): void {
  firstUse();
  const po = findEvent(referenceCatalog(), 'PrcPoCommonPo_PurchaseOrder')!;
  const filter = `<!-- oew:event ${po.name} -->\n<xpathExpr xmlns:ns0="${SERVICE}" xmlns:ns2="${TYPES}">${EXPRESSION}</xpathExpr>\n`;
  const diagnostics = print(
    `diagnostics: analyze a ${filter.length}-byte filter (target median ≤ 1 ms)`,
    repeat(500, () => analyzeFilter(filter)),
  );

  const payload = twentyKilobytePayload(buildFusionEventPayload(po));
  const compiled = compileFilter(filter);
  if (!compiled.ok) {
    throw new Error(compiled.error);
  }
  const parsed = parsePayloadTree(payload);
  if ('error' in parsed) {
    throw new Error(parsed.error);
  }
  const size = `${(payload.length / 1024).toFixed(0)} KB`;
  const evaluate = print(
    `evaluate: compiled filter's value on a ${size} payload (target median ≤ 1 ms)`,
    repeat(500, () => compiled.evaluateParsed(parsed, { paths: false })),
  );
  print(
    `evaluate: the value and what each of its 3 paths selects (${size})`,
    repeat(500, () => compiled.evaluateParsed(parsed)),
  );
  const decoded = EXPRESSION.replace(/&gt;/g, '>');
  const previous = (xpath as unknown as { parse(e: string): { evaluateBoolean(o: object): boolean } }).parse(decoded);
  const dom = new DOMParser().parseFromString(payload, 'text/xml').documentElement!;
  const options = { node: dom, namespaces: { ns0: SERVICE, ns2: TYPES }, variables: { eventPayload: dom } };
  const peer = print(
    "baseline: the engine before, the `xpath` package's compiled expression over an xmldom DOM",
    repeat(500, () => previous.evaluateBoolean(options)),
  );
  record({ figure: 'OIC filter diagnostics', value: diagnostics.median, unit: 'ms', target: { atMost: 1 } });
  record({
    figure: `OIC filter on a ${size} payload`,
    value: evaluate.median,
    unit: 'ms',
    target: { atMost: 1 },
    baseline: { label: 'the `xpath` package', value: peer.median },
  });
  print(
    'for scale: parse the payload XML (done once per payload)',
    repeat(100, () => parsePayloadTree(payload)),
  );
  print(
    'for scale, baseline: parse it into an xmldom DOM, as before',
    repeat(100, () => new DOMParser().parseFromString(payload, 'text/xml')),
  );
}

/** The PO sample with purchase order lines added until it is 20 KB. */
function twentyKilobytePayload(sample: string): string {
  const line = /<ns0:PurchaseOrderLine>[\s\S]*?<\/ns0:PurchaseOrderLine>/.exec(sample)![0];
  let lines = '';
  for (let i = 0; sample.length + lines.length < 20 * 1024; i++) {
    lines += line.replace('Lan Cable', `Item ${i}`).replace('<ns0:LineNumber>1<', `<ns0:LineNumber>${i + 2}<`);
  }
  return sample.replace(line, line + lines);
}

/** The XPath language's first use: dist/xpath.js loaded in a fresh process, beside the `xpath` package alone. */
function firstUse(): void {
  const bundle = path.resolve(__dirname, '..', '..', 'dist', 'xpath.js');
  const load = (target: string) => () =>
    Number(
      execFileSync(
        process.execPath,
        [
          '-e',
          `const s=performance.now();require(${JSON.stringify(target)});process.stdout.write(String(performance.now()-s))`,
        ],
        { encoding: 'utf8' },
      ),
    );
  const ours = Array.from({ length: 7 }, load(bundle));
  const peer = Array.from({ length: 7 }, load(require.resolve('xpath')));
  const first = print('first use: require dist/xpath.js in a fresh process', ours);
  const xpathPackage = print('baseline: require the `xpath` package in a fresh process', peer);
  record({
    figure: 'XPath filter language: first-use load of dist/xpath.js',
    value: first.median,
    unit: 'ms',
    baseline: { label: 'the `xpath` package', value: xpathPackage.median },
  });
}
