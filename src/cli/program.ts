import { Command } from 'commander';
import { COMMANDS } from './commands/index';
import type { CliIo } from './io';

/**
 * Builds the `aisc` program. Output goes through `io` so tests run verbs in-process.
 * Verbs signal failure by throwing (AppError, FormatError); `runCli` reports it.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('aisc')
    .description('AISC, the AI Security Clearinghouse')
    .option('--json', 'print machine-readable JSON')
    .option('--server <url>', 'run the verb against a running AISC server (env AISC_SERVER)')
    .option('--token <token>', 'API token for --server (env AISC_TOKEN)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of COMMANDS) register(program, io);
  return program;
}
