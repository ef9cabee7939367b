import { parsePayloadTree } from '../core/xpath/engine/payloadTree';
import { compileFilter, isBlocking } from '../core/xpath/evaluate';
import { XPathFinding } from '../core/xpath/xpathFindings';
import { lineIndex } from '../core/text/textEdits';
import { CliCommand, oneLine } from './cliCommands';
import { readInputFile, requiredFlags } from './cliInputs';

const USAGE = 'usage: oew xpath --filter FILE --payload FILE';

/**
 * `oew xpath --filter FILE --payload FILE` — first line `true` or `false` (nothing before it),
 * then what each path selected; findings follow on stderr as `FILE:LINE:COL: SEVERITY CODE:
 * MESSAGE`, as `oew check` prints them. Exit 0 for true, 1 for false, 2 for invalid input
 * (errors on stderr, nothing on stdout).
 */
export const xpathCommand: CliCommand = {
  name: 'xpath',
  summary: 'Evaluate an OIC filter (*.xpathfilter) against a Fusion event payload: --filter FILE --payload FILE.',
  run: async (args, io) => {
    const options = requiredFlags(args, ['filter', 'payload'], USAGE);
    if (typeof options === 'string') {
      io.err(`oew xpath: ${options}\n`);
      return 2;
    }
    let filterText: string;
    let payloadText: string;
    try {
      filterText = await readInputFile(options.filter, 'filter');
      payloadText = await readInputFile(options.payload, 'payload');
    } catch (err) {
      io.err(`oew xpath: ${oneLine((err as Error).message)}\n`);
      return 2;
    }
    const positionAt = lineIndex(filterText);
    const place = (offset: number) => {
      const { line, character } = positionAt(offset);
      return `${options.filter}:${line + 1}:${character + 1}`;
    };
    const described = (f: XPathFinding) => `${place(f.offset)}: ${f.severity} ${f.code}: ${oneLine(f.message)}`;
    const filter = compileFilter(filterText);
    if (!filter.ok) {
      // One line, as every refusal of the CLI: the first error, and how many more `oew check` lists.
      const [first, ...more] = filter.analysis.findings.filter(isBlocking);
      const rest = more.length ? ` (and ${more.length} more: oew check ${options.filter} lists them all)` : '';
      io.err(`oew xpath: ${described(first)}${rest}\n`);
      return 2;
    }
    const payload = parsePayloadTree(payloadText);
    if ('error' in payload) {
      io.err(`oew xpath: ${options.payload}: ${oneLine(payload.error)}\n`);
      return 2;
    }
    const result = filter.evaluateParsed(payload);
    if (result.value === undefined) {
      io.err(`oew xpath: ${place(filter.analysis.document.expressionRange.start)}: ${oneLine(result.error ?? '')}\n`);
      return 2;
    }
    io.out(`${result.value}\n`);
    for (const path of result.paths) {
      const values = path.nodes.map((n) => JSON.stringify(n.value)).join(', ');
      const more = path.count > path.nodes.length ? `, …` : '';
      io.out(
        `  ${path.path} → ${path.count} node${path.count === 1 ? '' : 's'}${values ? `: ${values}${more}` : ''}\n`,
      );
    }
    filter.analysis.findings.forEach((f) => io.err(`${described(f)}\n`));
    return result.value ? 0 : 1;
  },
};
