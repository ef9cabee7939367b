import { ruleCondition, ruleConditionValue } from '../core/condition/checkDocument';
import { formatTraceLine } from '../core/condition/formatTrace';
import { compile, Matcher } from '../core/condition/matcher';
import { isTooDeep, tooDeepMessage } from '../core/json/jsonDepth';
import { CliCommand } from './cliCommands';
import { readInputFile, requiredFlags } from './cliInputs';

const USAGE = 'usage: oew match --condition FILE --event FILE';

/**
 * `oew match --condition FILE --event FILE` — first line `match` or `no match`, then the trace;
 * exit 0 on a match, 1 on no match, 2 on invalid input (one line on stderr, nothing on stdout).
 */
export const matchCommand: CliCommand = {
  name: 'match',
  summary: 'Test a condition (or a rule document) against an event: --condition FILE --event FILE.',
  run: async (args, io) => {
    const options = requiredFlags(args, ['condition', 'event'], USAGE);
    if (typeof options === 'string') {
      io.err(`oew match: ${options}\n`);
      return 2;
    }
    let match: Matcher;
    let event: unknown;
    try {
      match = compile(await readCondition(options.condition));
      event = (await readJson(options.event, 'event')).value;
    } catch (err) {
      io.err(`oew match: ${(err as Error).message}\n`);
      return 2;
    }
    const result = match(event);
    io.out(`${result.matched ? 'match' : 'no match'}\n`);
    for (const line of result.trace) {
      io.out(`  ${formatTraceLine(line)}\n`);
    }
    return result.matched ? 0 : 1;
  },
};

async function readJson(file: string, what: string): Promise<{ text: string; value: unknown }> {
  const text = await readInputFile(file, what);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`the ${what} file ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  // Its trace would print the event's values, and JSON.stringify overflows on deep ones.
  if (isTooDeep(value)) {
    throw new Error(`${file}: ${tooDeepMessage(what)}`);
  }
  return { text, value };
}

/** A bare condition, or the `condition` of a rule document (an object, or JSON in a string). */
async function readCondition(file: string): Promise<unknown> {
  const { text, value } = await readJson(file, 'condition');
  const inRule = ruleCondition(text);
  if (!inRule) {
    return value;
  }
  try {
    return ruleConditionValue(value);
  } catch (err) {
    throw new Error(`the condition string in ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}
