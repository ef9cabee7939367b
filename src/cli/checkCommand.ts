import { EventTypeCatalogue } from '../core/condition/catalogue';
import { checkDocument } from '../core/condition/checkDocument';
import { parseUserEventTypesFile, WORKSPACE_EVENT_TYPES } from '../core/condition/userEventTypes';
import { analyzeFilter } from '../core/xpath/analyzeFilter';
import { describeError } from '../core/errors/userError';
import { CliCommand, oneLine } from './cliCommands';
import { readInputFile } from './cliInputs';
import { placesIn } from './findingLines';

/**
 * `oew check FILE...` — one line per finding, PATH:LINE:COL: SEVERITY CODE: MESSAGE (1-based);
 * exit 0 without errors, 1 with errors, 2 when a file cannot be read (or nests too deep to read:
 * its one finding says so, and the other files are still checked), when the workspace's
 * `.oew/event-types.json` cannot be read or has a mistake (the checks then miss its types), or
 * when no file is given.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  summary:
    'Check rule conditions and rule documents (*.json, *.condition.json, *.rule.json) and OIC filters (*.xpathfilter).',
  run: async (args, io) => {
    if (!args.length || args.some((a) => a.startsWith('-'))) {
      io.err('oew check: give one or more files, for example: oew check rules/*.condition.json\n');
      return 2;
    }
    const { catalogue, errors } = await workspaceCatalogue();
    errors.forEach((e) => io.err(`oew check: ${oneLine(e)}\n`));
    let hasErrors = false;
    let unreadable = errors.length > 0;
    for (const file of args) {
      let text: string;
      try {
        text = await readInputFile(file, 'input');
      } catch (err) {
        // The other files are still checked; the exit code says one could not be.
        io.err(`oew check: ${oneLine(describeError(err).cause)}\n`);
        unreadable = true;
        continue;
      }
      const findings = file.endsWith('.xpathfilter')
        ? analyzeFilter(text).findings
        : checkDocument(text, catalogue).findings;
      const places = placesIn(file, text);
      for (const f of [...findings].sort((a, b) => a.offset - b.offset)) {
        io.out(places.finding(f));
        hasErrors ||= f.severity === 'error';
        unreadable ||= f.code === 'too-deep';
      }
    }
    return unreadable ? 2 : hasErrors ? 1 : 0;
  },
};

/** The shipped catalogue with the workspace's own event types, when it has them, and what is wrong with their file. */
async function workspaceCatalogue(): Promise<{ catalogue: EventTypeCatalogue; errors: string[] }> {
  let text: string;
  try {
    text = await readInputFile(WORKSPACE_EVENT_TYPES, 'event types');
  } catch (err) {
    const missing = ((err as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    return { catalogue: EventTypeCatalogue.builtin(), errors: missing ? [] : [describeError(err).cause] };
  }
  const { types, errors } = parseUserEventTypesFile(text, WORKSPACE_EVENT_TYPES);
  return { catalogue: EventTypeCatalogue.builtin().with(types), errors };
}
