import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { BenchResult } from './harness';
import { SUITES } from './suites';

// `npm run bench`: runs every suite, prints one table and writes docs/benchmarks.md.
const only = process.argv[2];
const calibrationBefore = calibrate();
const sections: Array<{ suite: string; results: BenchResult[] }> = [];
for (const load of SUITES) {
  const suite = await load();
  if (only && !suite.name.toLowerCase().includes(only.toLowerCase())) continue;
  process.stderr.write(`running ${suite.name}…\n`);
  sections.push({ suite: suite.name, results: await suite.run() });
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 1 ? n.toFixed(2) : n.toPrecision(3));

const header = '| benchmark | value | baseline (same run) | ratio | goal | met |\n| --- | --- | --- | --- | --- | --- |';
const rows = (results: BenchResult[]): string =>
  results
    .map((r) => {
      const base = r.baseline ? `${fmt(r.baseline.value)} ${r.unit} — ${r.baseline.name}` : '';
      const ratio = r.baseline && r.baseline.value > 0 ? `${(r.value / r.baseline.value).toFixed(2)}×` : '';
      const met = r.met === undefined ? '' : r.met ? 'yes' : 'no';
      return `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${base} | ${ratio} | ${r.goal ?? ''} | ${met} |`;
    })
    .join('\n');

const body = sections
  .map(
    (s) =>
      `## ${s.suite}\n\n${header}\n${rows(s.results)}\n${s.results
        .filter((r) => r.notes)
        .map((r) => `\n- ${r.name}: ${r.notes}`)
        .join('')}`,
  )
  .join('\n\n');
/**
 * How fast this machine ran plain JavaScript during the run (JSON.parse of a fixed document,
 * MB/s, sampled at the start and at the end): the machines are shared, and this figure tells
 * a slow run apart from a regression when two runs' absolute figures are compared.
 */
function calibrate(): number {
  const doc = JSON.stringify(
    Array.from({ length: 2_000 }, (_, i) => ({
      id: `GHSA-${i}`,
      summary: 'x'.repeat(80),
      affected: [{ package: { name: `p${i}`, ecosystem: 'npm' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `1.${i}.0` }] }] }],
    })),
  );
  let bytes = 0;
  const start = performance.now();
  while (performance.now() - start < 1_000) {
    JSON.parse(doc);
    bytes += doc.length;
  }
  return bytes / 1e6 / ((performance.now() - start) / 1000);
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node.js ${process.version}; JSON.parse calibration ${calibrationBefore.toFixed(0)} MB/s before the suites, ${calibrate().toFixed(0)} MB/s after`;
const doc = `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}).\nEach figure is compared with a baseline measured in the same run; the machines are shared and noisy, so read ratios rather than absolutes.\n\n${body}\n`;
process.stdout.write(`\n${body}\n`);
mkdirSync('docs', { recursive: true });
if (!only) writeFileSync('docs/benchmarks.md', doc + handWritten('docs/benchmarks.md'));
else if (sections.length > 0 && existsSync('docs/benchmarks.md')) {
  // A run of some suites (`npm run bench -- frontier`) replaces only their sections, dated, and
  // leaves every other suite's figures from the run that measured them.
  let text = readFileSync('docs/benchmarks.md', 'utf8');
  for (const s of sections) {
    const section = `## ${s.suite}\n\nRun on its own on ${new Date().toISOString().slice(0, 10)} (\`npm run bench -- ${only}\`; ${machine}).\n\n${header}\n${rows(s.results)}\n${s.results
      .filter((r) => r.notes)
      .map((r) => `\n- ${r.name}: ${r.notes}`)
      .join('')}\n\n`;
    text = replaceSection(text, s.suite, section);
  }
  writeFileSync('docs/benchmarks.md', text);
}

/** `text` with the section headed `## suite` replaced by `section`, or `section` added before the hand-written part. */
function replaceSection(text: string, suite: string, section: string): string {
  const head = `\n## ${suite}\n`;
  const at = text.indexOf(head);
  if (at >= 0) {
    const next = text.indexOf('\n## ', at + head.length);
    return text.slice(0, at + 1) + section + (next < 0 ? '' : text.slice(next + 1));
  }
  const hand = text.indexOf('\n## Where the time goes');
  return hand < 0 ? `${text}\n${section}` : `${text.slice(0, hand + 1)}${section}${text.slice(hand + 1)}`;
}

/** The hand-written analysis kept below the generated tables ("## Where the time goes" and after). */
function handWritten(path: string): string {
  if (!existsSync(path)) return '';
  const old = readFileSync(path, 'utf8');
  const at = old.indexOf('\n## Where the time goes');
  return at < 0 ? '' : old.slice(at);
}
