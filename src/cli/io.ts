import type { Readable, Writable } from 'node:stream';

/** The streams and environment a CLI run uses; tests pass their own. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Options every verb accepts (see program.ts). */
export interface GlobalOptions {
  json?: boolean;
  server?: string;
  token?: string;
}

/** Writes one line to stdout. */
export function println(io: CliIo, line: string): void {
  io.stdout.write(`${line}\n`);
}

/** Writes a value as one JSON document on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reads stdin whole as UTF-8 text. */
export async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Yields stdin line by line without holding it all (for large batches). */
export async function* stdinLines(io: CliIo): AsyncGenerator<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}
