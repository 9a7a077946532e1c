import { execFile } from 'node:child_process';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Runs bench/load-client.ts in a child process against `url`. */
export function load(args: {
  url: string;
  headers?: Record<string, string>;
  mode: 'closed' | 'open';
  connections: number;
  durationMs: number;
  rate?: number;
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/run-ts.mjs', 'bench/load-client.ts', JSON.stringify({ headers: {}, ...args })], { maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}
