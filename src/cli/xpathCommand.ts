import { compileFilter } from '../core/xpath/evaluate';
import { CliCommand, oneLine } from './cliCommands';
import { readInputFile, requiredFlags } from './cliInputs';

const USAGE = 'usage: oew xpath --filter FILE --payload FILE';

/**
 * `oew xpath --filter FILE --payload FILE` — first line `true` or `false` (nothing before it),
 * then what each path selected; warnings follow on stderr. Exit 0 for true, 1 for false, 2 for
 * invalid input (one line on stderr, nothing on stdout).
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
    let payload: string;
    try {
      filterText = await readInputFile(options.filter, 'filter');
      payload = await readInputFile(options.payload, 'payload');
    } catch (err) {
      io.err(`oew xpath: ${oneLine((err as Error).message)}\n`);
      return 2;
    }
    const filter = compileFilter(filterText);
    if (!filter.ok) {
      io.err(`oew xpath: ${oneLine(`${options.filter}: ${filter.error}`)}\n`);
      return 2;
    }
    const result = filter.evaluate(payload);
    if (result.value === undefined) {
      io.err(`oew xpath: ${oneLine(`${options.payload}: ${result.error}`)}\n`);
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
    for (const finding of filter.analysis.findings) {
      io.err(`${finding.severity} ${finding.code}: ${oneLine(finding.message)}\n`);
    }
    return result.value ? 0 : 1;
  },
};
