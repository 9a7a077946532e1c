import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/run';

/** Runs `aisc` in-process with the given environment and stdin; returns code and output. */
export async function cli(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runCli(args, { stdin: input, stdout: out, stderr: err, env: { LOG_LEVEL: 'silent', ...env } });
  return { code, stdout, stderr };
}
