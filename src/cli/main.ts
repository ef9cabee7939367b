import { describeError } from '../core/errors/userError';
import { redactText } from '../core/http/redact';
import { checkCommand } from './checkCommand';
import { CliCommand, CliIo, oneLine, versionCommand } from './cliCommands';
import { emulatorCommand } from './emulatorCommand';
import { inboxCommand } from './inboxCommand';
import { matchCommand } from './matchCommand';
import { sendCommand } from './sendCommand';
import { testCommand } from './testCommand';
import { xpathCommand } from './xpathCommand';

const helpCommand: CliCommand = {
  name: 'help',
  summary: 'Show this help (also --help).',
  run: (_args, io) => {
    io.out(usage());
    return 0;
  },
};

const COMMANDS: readonly CliCommand[] = [
  checkCommand,
  matchCommand,
  xpathCommand,
  testCommand,
  sendCommand,
  inboxCommand,
  emulatorCommand,
  helpCommand,
  versionCommand,
];

const ALIASES: Record<string, string> = { '--help': 'help', '-h': 'help', '--version': 'version', '-v': 'version' };

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `OCI Event Workbench command line\n\nUsage: oew <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

/**
 * Runs one command. Everything a command writes to stderr passes the one redaction, and an
 * error it did not handle becomes one line and exit 2, never a stack or Node's raw message.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const safeIo: CliIo = { out: (text) => io.out(text), err: (text) => io.err(redactText(text)) };
  const [first = 'help', ...rest] = argv;
  const name = ALIASES[first] ?? first;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    safeIo.err(`oew: unknown command "${first}". Run "oew help" for the list of commands.\n`);
    return 2;
  }
  try {
    return await command.run(rest, safeIo);
  } catch (err) {
    const { cause, nextStep } = describeError(err);
    safeIo.err(`oew ${command.name}: ${oneLine(`${cause} ${nextStep}`)}\n`);
    return 2;
  }
}

if (require.main === module) {
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  void main(process.argv.slice(2), io).then((code) => (process.exitCode = code));
}
