import { parsePayloadTree } from '../core/xpath/engine/payloadTree';
import { compileFilter, isBlocking } from '../core/xpath/evaluate';
import { CliCommand, oneLine } from './cliCommands';
import { readCommandInputs, readInputFile } from './cliInputs';
import { placesIn } from './findingLines';

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
    const read = await readCommandInputs(
      'xpath',
      args,
      io,
      { names: ['filter', 'payload'], usage: USAGE },
      async (files) => ({
        filterText: await readInputFile(files.filter, 'filter'),
        payloadText: await readInputFile(files.payload, 'payload'),
      }),
    );
    if (!read) {
      return 2;
    }
    const {
      files,
      inputs: { filterText, payloadText },
    } = read;
    const places = placesIn(files.filter, filterText);
    const filter = compileFilter(filterText);
    if (!filter.ok) {
      // One line, as every refusal of the CLI: the first error, and how many more `oew check` lists.
      const [first, ...more] = filter.analysis.findings.filter(isBlocking);
      const rest = more.length ? ` (and ${more.length} more: oew check ${files.filter} lists them all)` : '';
      io.err(`oew xpath: ${places.finding(first, rest)}`);
      return 2;
    }
    const payload = parsePayloadTree(payloadText);
    if ('error' in payload) {
      io.err(`oew xpath: ${oneLine(`${files.payload}: ${payload.error}`)}\n`);
      return 2;
    }
    const result = filter.evaluateParsed(payload);
    if (result.value === undefined) {
      // The whole expression failed: it is placed where it starts, past the white space before it.
      const { document, parsed } = filter.analysis;
      io.err(
        `oew xpath: ${places.line(document.toDocumentOffset(parsed.tokens[0].start), 'error', result.error ?? '')}`,
      );
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
    filter.analysis.findings.forEach((f) => io.err(places.finding(f)));
    return result.value ? 0 : 1;
  },
};
