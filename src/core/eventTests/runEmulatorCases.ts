import { isJsonObject } from '../json/isJsonObject';
import type { EmulatorMatch } from '../tenancy/emulatorEvents';
import { CaseOutcome, erroredAll, FileRun, parsed, ReadRelative, readEvent } from './runEventCases';
import type { ParsedTestFile } from './testFile';

/** A deployed rule in an emulator: where its test's events are sent. */
export interface EmulatorRule {
  readonly displayName: string;
  /** Emits the event where the rule sees it; the rules that matched, each with the names of the topics it notified. */
  emit(event: Readonly<Record<string, unknown>>): Promise<readonly EmulatorMatch[]>;
}

/**
 * Runs a rule test's event cases through an emulator in which the rule is deployed: each event
 * goes through every rule there, as in OCI, and a case passes when the rule matched it (and so
 * notified its topics) as expected. `connect` finds the rule by the id its document holds.
 */
export async function runEmulatorCases(
  file: ParsedTestFile,
  read: ReadRelative,
  connect: (ruleId: string) => Promise<EmulatorRule>,
): Promise<FileRun> {
  const subject = file.subject;
  if (subject?.kind !== 'rule' || !('path' in subject)) {
    return { outcomes: [] };
  }
  const errorAll = (message: string) => erroredAll(file, message);
  let ruleId: string;
  let rule: EmulatorRule;
  try {
    const document = parsed(await read(subject.path), subject.path, 'rule document');
    const id = isJsonObject(document) ? document.id : undefined;
    if (typeof id !== 'string' || !id.startsWith('ocid1.eventrule.')) {
      return errorAll(
        `Run in Emulator sends the events to the deployed rule, and ${subject.path} has no "id": deploy it to an emulator profile (Deploy Rule File), which writes its id into the file.`,
      );
    }
    ruleId = id;
    rule = await connect(id);
  } catch (err) {
    return errorAll((err as Error).message);
  }
  const outcomes: CaseOutcome[] = [];
  for (const spec of file.cases) {
    const base = { name: spec.name, expected: spec.expect, span: spec.span };
    const event = await readEvent(spec, read);
    if ('error' in event) {
      outcomes.push({ ...base, status: 'errored', message: event.error });
      continue;
    }
    let matches: readonly EmulatorMatch[];
    try {
      matches = await rule.emit(event.event);
    } catch (err) {
      outcomes.push({
        ...base,
        status: 'errored',
        message: `The emulator did not take the event: ${(err as Error).message}`,
      });
      continue;
    }
    const mine = matches.find((m) => m.ruleId === ruleId);
    const actual = mine ? 'match' : 'no match';
    if (actual === spec.expect) {
      outcomes.push({ ...base, status: 'passed', actual });
      continue;
    }
    const topics = (m: EmulatorMatch) => (m.topics.length ? m.topics.join(', ') : 'no topic');
    outcomes.push({
      ...base,
      status: 'failed',
      actual,
      message: mine
        ? `Expected "no match": in the emulator, ${rule.displayName} matched it and notified ${topics(mine)}.`
        : `Expected "match": in the emulator, ${rule.displayName} did not match it, so its topics were not notified.`,
      trace: matches.length
        ? matches.map((m) => `matched by ${m.displayName} → ${topics(m)}`)
        : ['no rule of the emulator matched it'],
    });
  }
  return { outcomes };
}
