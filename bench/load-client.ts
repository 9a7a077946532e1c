import { Agent, request } from 'node:http';

/**
 * A load generator run as its own process (so it does not share the server's event loop).
 * Modes: `closed` — N connections each sending back to back for D ms (throughput);
 * `open` — a fixed rate of R requests/s for D ms (latency under a given load).
 * Prints one JSON line: { requests, errors, seconds, rps, p50, p95, p99, max } (latencies in ms).
 */
interface Args {
  url: string;
  headers: Record<string, string>;
  mode: 'closed' | 'open';
  connections: number;
  durationMs: number;
  rate?: number;
}
const args = JSON.parse(process.argv[2]!) as Args;
const agent = new Agent({ keepAlive: true, maxSockets: args.connections });
const latencies: number[] = [];
let errors = 0;

function once(): Promise<void> {
  const start = performance.now();
  return new Promise((resolve) => {
    const req = request(args.url, { agent, headers: args.headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        latencies.push(performance.now() - start);
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end();
  });
}

const started = performance.now();
const end = started + args.durationMs;
if (args.mode === 'closed') {
  await Promise.all(
    Array.from({ length: args.connections }, async () => {
      while (performance.now() < end) await once();
    }),
  );
} else {
  const interval = 1000 / args.rate!;
  const inflight: Promise<void>[] = [];
  for (let next = started; next < end; next += interval) {
    const wait = next - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(once());
  }
  await Promise.all(inflight);
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
process.stdout.write(
  `${JSON.stringify({ requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: latencies.at(-1) ?? 0 })}\n`,
);
agent.destroy();
