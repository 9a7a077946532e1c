import { reportError } from './errors';
import type { CliIo } from './io';
import { createProgram } from './program';

/** Runs `aisc` with the given arguments (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    return reportError(io, err, argv.includes('--json'));
  }
}
