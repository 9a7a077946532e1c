import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * With AISC_BENCH_CPU_PROFILE=<dir>, records a V8 CPU profile of this process (the server
 * under test) while `fn` runs — only the measured phase, not the setup — and writes
 * `<dir>/<name>.cpuprofile` (open it in Chrome DevTools, or summarise it with
 * bench/profile-summary.ts). Without it, just runs `fn`.
 */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.AISC_BENCH_CPU_PROFILE;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}
