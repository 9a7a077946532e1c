import { readFileSync } from 'node:fs';

/**
 * Summarises a .cpuprofile: top self-time functions, and self time grouped by package
 * (node_modules/<pkg>) or source area. `node bin/run-ts.mjs bench/profile-summary.ts FILE [N]`.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, n = '25'] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file!, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
for (const [i, id] of p.samples.entries()) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFn = new Map<string, number>();
const byArea = new Map<string, number>();
const area = (url: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  const s = /\/(src\/[^/]+(?:\/[^/]+)?)/.exec(url);
  if (s) return s[1]!;
  return url ? url.replace(/^.*\//, '') : '(native/vm)';
};
for (const node of p.nodes) {
  const t = self.get(node.id) ?? 0;
  if (!t) continue;
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/perf\//, '')}:${f.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
  byArea.set(area(f.url), (byArea.get(area(f.url)) ?? 0) + t);
}
const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
console.log('\n-- self time by area');
for (const [k, t] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(pct(t), k);
console.log('\n-- top self-time functions');
for (const [k, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) console.log(pct(t), k);

// Inclusive time (a function and what it calls), counted once per stack, and who calls the heaviest native frames.
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const parent = new Map<number, number>();
for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const keyOf = (x: Node) =>
  `${x.callFrame.functionName || '(anonymous)'} ${x.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/perf\//, '')}:${x.callFrame.lineNumber + 1}`;
const incl = new Map<string, number>();
const callers = new Map<string, Map<string, number>>();
for (const [id, t] of self) {
  const seen = new Set<string>();
  let cur: number | undefined = id;
  const leaf = keyOf(byId.get(id)!);
  let first = true;
  while (cur !== undefined) {
    const x = byId.get(cur)!;
    const k = keyOf(x);
    if (!seen.has(k)) {
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + t);
    }
    if (!first && x.callFrame.url && callers.get(leaf) === undefined) callers.set(leaf, new Map());
    if (!first && x.callFrame.url) {
      const m = callers.get(leaf)!;
      if (![...m.keys()].length || !seen.has(`caller:${leaf}`)) {
        m.set(k, (m.get(k) ?? 0) + t);
        seen.add(`caller:${leaf}`);
      }
    }
    first = false;
    cur = parent.get(cur);
  }
}
console.log('\n-- inclusive time (project code and hot libraries)');
for (const [k, t] of [...incl]
  .filter(([k]) => /src\/|fastify|drizzle|pglite|zod|helmet|rate-limit|pino|pg\//.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(n) * 2))
  console.log(pct(t), k);
console.log('\n-- first JS caller of native frames');
for (const leaf of ['writev :0', 'dispatch :0', 'spawn :0', '(garbage collector) :0']) {
  const m = callers.get(leaf);
  if (!m) continue;
  console.log(
    leaf,
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, t]) => `${k} ${pct(t)}`)
      .join(' | '),
  );
}
