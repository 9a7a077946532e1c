import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/run';

/** Runs `aisc` in-process with `stdin` as input; returns exit code, stdout and stderr. */
export async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const input = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  input.end(stdin);
  const code = await runCli(argv, { stdin: input, stdout, stderr, env: {} });
  return { code, out, err };
}
