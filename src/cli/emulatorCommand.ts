import { DatasetName } from '../emulator/store/datasets';
import { startEmulator } from '../emulator/emulator';
import { FaultSettings, NO_FAULTS } from '../emulator/http/faults';
import { CliCommand } from './cliCommands';
import { applyOption, MAX_PORT, unknownOption, wholeNumber } from './cliInputs';

const USAGE =
  'usage: oew emulator [--dataset demo|large] [--compartments N] [--rules-per-compartment N] [--port N] [--latency-ms N] [--time-scale X] [--fault-429-every N] [--fault-5xx-rate P] [--fault-reset-rate P] [--fault-truncate-rate P] [--fault-malformed-rate P] [--fault-latency-rate P] [--fault-latency-ms N] [--state-dir DIR]';

/**
 * `oew emulator` — the local OCI emulator. The first line on stdout is one JSON object with the
 * endpoint, config file, profile and tenancy; logs go to stderr; it serves until SIGINT or SIGTERM.
 */
export const emulatorCommand: CliCommand = {
  name: 'emulator',
  summary: 'Run the local OCI emulator (Identity, Events rules, ONS topics and subscriptions) on 127.0.0.1.',
  run: async (args, io) => {
    const options = parseOptions(args);
    if (typeof options === 'string') {
      io.err(`oew emulator: ${options}\n${USAGE}\n`);
      return 2;
    }
    const emulator = await startEmulator(options);
    emulator.state.log = (line) => io.err(`oew emulator: ${line}\n`);
    io.out(JSON.stringify(emulator.announcement) + '\n');
    io.err(
      `oew emulator: ${options.dataset} dataset, ${emulator.state.compartments.size} compartments, ${emulator.state.rules.size} rules; Ctrl-C stops it.\n`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await emulator.close();
    return 0;
  },
};

type Options = {
  dataset: DatasetName;
  compartments?: number;
  rulesPerCompartment?: number;
  port: number;
  latencyMs: number;
  timeScale: number;
  faults: FaultSettings;
  stateDir?: string;
};

/** How each option's text becomes a value: a message when it is not acceptable. */
const fraction = (text: string) =>
  text.trim() !== '' && Number(text) >= 0 && Number(text) <= 1 ? Number(text) : 'a number from 0 to 1';

const OPTIONS: Record<string, (options: Options, text: string) => string | undefined> = {
  '--dataset': (o, t) => (t === 'demo' || t === 'large' ? void (o.dataset = t) : 'demo or large'),
  '--state-dir': (o, t) => void (o.stateDir = t),
  '--compartments': (o, t) => applyOption(wholeNumber(1, 10_000)(t), (n) => (o.compartments = n)),
  '--rules-per-compartment': (o, t) => applyOption(wholeNumber(0, 1_000)(t), (n) => (o.rulesPerCompartment = n)),
  '--port': (o, t) => applyOption(wholeNumber(0, MAX_PORT)(t), (n) => (o.port = n)),
  '--latency-ms': (o, t) => applyOption(wholeNumber(0, 60_000)(t), (n) => (o.latencyMs = n)),
  '--time-scale': (o, t) =>
    applyOption(
      Number(t) >= 0.001 && Number(t) <= 1_000 ? Number(t) : 'a number from 0.001 to 1000',
      (n) => (o.timeScale = n),
    ),
  '--fault-429-every': (o, t) => applyOption(wholeNumber(0, 1_000_000)(t), (n) => (o.faults.fault429Every = n)),
  '--fault-5xx-rate': (o, t) => applyOption(fraction(t), (n) => (o.faults.fault5xxRate = n)),
  '--fault-reset-rate': (o, t) => applyOption(fraction(t), (n) => (o.faults.faultResetRate = n)),
  '--fault-truncate-rate': (o, t) => applyOption(fraction(t), (n) => (o.faults.faultTruncateRate = n)),
  '--fault-malformed-rate': (o, t) => applyOption(fraction(t), (n) => (o.faults.faultMalformedRate = n)),
  '--fault-latency-rate': (o, t) => applyOption(fraction(t), (n) => (o.faults.faultLatencyRate = n)),
  '--fault-latency-ms': (o, t) => applyOption(wholeNumber(0, 60_000)(t), (n) => (o.faults.faultLatencyMs = n)),
};

function parseOptions(args: readonly string[]): Options | string {
  const options: Options = {
    dataset: 'demo',
    port: 0,
    latencyMs: 0,
    timeScale: 1,
    faults: { ...NO_FAULTS },
  };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    const parse = OPTIONS[flag];
    if (!parse) {
      return unknownOption(flag);
    }
    if (value === undefined) {
      return `${flag} needs a value`;
    }
    const expected = parse(options, value);
    if (expected) {
      return `${flag} must be ${expected}, not "${value}"`;
    }
  }
  return options;
}
