import { DatasetName } from '../emulator/datasets';
import { startEmulator } from '../emulator/emulator';
import { CliCommand } from './cliCommands';

const USAGE =
  'usage: oew emulator [--dataset demo|large] [--compartments N] [--rules-per-compartment N] [--port N] [--latency-ms N] [--time-scale X] [--fault-429-every N] [--fault-5xx-rate P] [--fault-reset-rate P] [--state-dir DIR]';

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
    await emulator.server.close();
    return 0;
  },
};

function parseOptions(args: readonly string[]) {
  const options = {
    dataset: 'demo' as DatasetName,
    compartments: 300,
    rulesPerCompartment: 20,
    port: 0,
    latencyMs: 0,
    timeScale: 1,
    faults: { fault429Every: 0, fault5xxRate: 0, faultResetRate: 0 },
    stateDir: undefined as string | undefined,
  };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) {
      return `${flag} needs a value`;
    }
    const count = (name: string, min: number) => {
      const n = Number(value);
      return Number.isInteger(n) && n >= min ? n : `${name} must be a whole number of at least ${min}, not "${value}"`;
    };
    const fraction = () => {
      const n = Number(value);
      return value.trim() !== '' && n >= 0 && n <= 1 ? n : `${flag} must be a number from 0 to 1, not "${value}"`;
    };
    let parsed: number | string;
    switch (flag) {
      case '--time-scale': {
        const n = Number(value);
        if (!(n > 0)) return `--time-scale must be a number above 0, not "${value}"`;
        options.timeScale = n;
        continue;
      }
      case '--fault-429-every':
        parsed = count(flag, 0);
        if (typeof parsed === 'string') return parsed;
        options.faults.fault429Every = parsed;
        continue;
      case '--fault-5xx-rate':
        parsed = fraction();
        if (typeof parsed === 'string') return parsed;
        options.faults.fault5xxRate = parsed;
        continue;
      case '--fault-reset-rate':
        parsed = fraction();
        if (typeof parsed === 'string') return parsed;
        options.faults.faultResetRate = parsed;
        continue;
      case '--dataset':
        if (value !== 'demo' && value !== 'large') {
          return `--dataset must be demo or large, not "${value}"`;
        }
        options.dataset = value;
        continue;
      case '--state-dir':
        options.stateDir = value;
        continue;
      case '--compartments':
        parsed = count(flag, 1);
        if (typeof parsed === 'string') return parsed;
        options.compartments = parsed;
        continue;
      case '--rules-per-compartment':
        parsed = count(flag, 0);
        if (typeof parsed === 'string') return parsed;
        options.rulesPerCompartment = parsed;
        continue;
      case '--port':
        parsed = count(flag, 0);
        if (typeof parsed === 'string') return parsed;
        options.port = parsed;
        continue;
      case '--latency-ms':
        parsed = count(flag, 0);
        if (typeof parsed === 'string') return parsed;
        options.latencyMs = parsed;
        continue;
      default:
        return `unknown option ${flag}`;
    }
  }
  return options;
}
