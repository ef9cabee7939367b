import { CONDITION_SHAPE } from '../core/condition/analyzeCondition';
import { ruleCondition, ruleConditionValue } from '../core/condition/checkDocument';
import { formatTraceLine } from '../core/condition/formatTrace';
import { compile } from '../core/condition/matcher';
import { isJsonObject } from '../core/json/isJsonObject';
import { parseJson } from '../core/json/parseJson';
import { CliCommand } from './cliCommands';
import { readCommandInputs, readInputFile } from './cliInputs';

const USAGE = 'usage: oew match --condition FILE --event FILE';

/**
 * `oew match --condition FILE --event FILE` — first line `match` or `no match`, then the trace;
 * exit 0 on a match, 1 on no match, 2 on invalid input (one line on stderr, nothing on stdout):
 * a file that cannot be read, is not JSON, or holds no object where a condition or an event is.
 */
export const matchCommand: CliCommand = {
  name: 'match',
  summary: 'Test a condition (or a rule document) against an event: --condition FILE --event FILE.',
  run: async (args, io) => {
    const read = await readCommandInputs(
      'match',
      args,
      io,
      { names: ['condition', 'event'], usage: USAGE },
      async (files) => {
        const match = compile(await readCondition(files.condition));
        const event = (await readJson(files.event, 'event')).value;
        if (!isJsonObject(event)) {
          throw new Error(`${files.event}: an event is a JSON object, such as {"eventType": "…", "data": {…}}.`);
        }
        return { match, event };
      },
    );
    if (!read) {
      return 2;
    }
    const { match, event } = read.inputs;
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
  const parsed = parseJson(text, file, { what });
  if (!parsed.ok) {
    throw new Error(parsed.error);
  }
  return { text, value: parsed.value };
}

/** A bare condition, or the `condition` of a rule document (an object, or JSON in a string). */
async function readCondition(file: string): Promise<unknown> {
  const { text, value } = await readJson(file, 'condition');
  let condition = value;
  if (ruleCondition(text)) {
    try {
      condition = ruleConditionValue(value);
    } catch (err) {
      throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
    }
  }
  // Anything else matches nothing, or everything: an answer to a question OCI would refuse.
  if (!isJsonObject(condition)) {
    throw new Error(`${file}: ${CONDITION_SHAPE}`);
  }
  return condition;
}
