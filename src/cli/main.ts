import { runCli } from './run';

// Entry point of the `aisc` binary (bin/aisc.mjs). A verb that keeps running (serve)
// resolves only when it is done; everything else exits with the verb's code.
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
