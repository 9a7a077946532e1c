import type { BenchSuite } from './harness';

/** Every benchmark suite `npm run bench` runs, in order. Add one line per suite module. */
export const SUITES: Array<() => Promise<BenchSuite>> = [
  () => import('./platform.bench').then((m) => m.suite),
  () => import('./identity.bench').then((m) => m.suite),
  () => import('./formats.bench').then((m) => m.suite),
  () => import('./inventory.bench').then((m) => m.suite),
  () => import('./versions.bench').then((m) => m.suite),
  () => import('./advisories.bench').then((m) => m.suite),
  () => import('./intake.bench').then((m) => m.suite),
  () => import('./triage.bench').then((m) => m.suite),
  () => import('./frontier.bench').then((m) => m.suite),
  () => import('./frontier-portfolio.bench').then((m) => m.suite),
  () => import('./inspect.bench').then((m) => m.suite),
  () => import('./compute.bench').then((m) => m.suite),
];
