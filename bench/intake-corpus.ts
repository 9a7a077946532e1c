/**
 * A labelled corpus of realistic AI findings for the intake benchmark: unique bugs, exact
 * duplicates (the same bug reported again: same place and weakness, another run, other
 * words) and near duplicates (the same bug found by another harness: lines moved, function
 * spelled differently, description paraphrased). Deterministic (seeded).
 */
export interface LabelledFinding {
  readonly finding: Record<string, unknown>;
  /** The bug this finding is about: findings with the same group are one report. */
  readonly group: number;
  readonly kind: 'unique' | 'exact' | 'near';
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ECOSYSTEMS = ['npm', 'pypi', 'golang/github.com/acme', 'maven/org.example', 'cargo', 'gem'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'dar', 'vex', 'tor', 'qui', 'zan', 'pel', 'bro', 'sha', 'nix', 'ul', 'gri', 'fen', 'ost', 'yar', 'cel', 'dun'];
const COMPONENTS = [
  'png decoder',
  'tar extractor',
  'http router',
  'session store',
  'template engine',
  'font parser',
  'zip reader',
  'schema loader',
  'image scaler',
  'audio demuxer',
  'xml importer',
  'cookie jar',
  'upload handler',
  'pdf text layer',
  'regex compiler',
  'url parser',
  'jwt verifier',
  'csv importer',
  'cache layer',
  'rpc gateway',
];
const FLAWS = [
  'trusts a length field taken from the input',
  'never checks the index against the table size',
  'uses a signed count as an unsigned size',
  'frees the buffer before the last read',
  'concatenates user input into a shell command',
  'follows symbolic links outside the target directory',
  'accepts unbounded recursion depth',
  'skips the bounds check on its fast path',
  'compares signatures with a non-constant-time loop',
  'builds a SQL query by string concatenation',
  'deserialises objects of any class',
  'resolves external entities',
];
const EFFECTS = [
  'overwrites adjacent heap memory',
  'reads past the end of the stack buffer',
  'executes attacker-chosen commands',
  'writes files anywhere the service may',
  'exhausts the stack and crashes the worker',
  'leaks memory of earlier requests',
  'lets an attacker forge tokens',
  'discloses rows of other tenants',
];
const CWES = ['CWE-787', 'CWE-125', 'CWE-78', 'CWE-22', 'CWE-416', 'CWE-89', 'CWE-502', 'CWE-611', 'CWE-674', 'CWE-208', 'CWE-190', 'CWE-79'];
const MODELS = ['frontier-x', 'frontier-y', 'sec-agent-2', 'bugfinder-pro'];
const SYNONYMS: Record<string, string> = {
  crafted: 'malicious',
  input: 'payload',
  attacker: 'adversary',
  reaching: 'that reaches',
  memory: 'memory contents',
  the: 'its',
  function: 'routine',
  buffer: 'array',
};

export function generateCorpus(total: number, seed = 42): LabelledFinding[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join('');
  const products = Array.from({ length: 400 }, () => `pkg:${pick(ECOSYSTEMS)}/${word()}-${word()}`);
  const uniques = Math.round(total * 0.6);
  const originals: LabelledFinding[] = [];
  for (let g = 0; g < uniques; g++) {
    const product = pick(products);
    const component = pick(COMPONENTS);
    const fn = `${word()}_${word()}_${component.split(' ')[0]}`;
    const file = `src/${component.replace(/ /g, '_')}/${word()}/${fn}.c`;
    const description = `${fn} in the ${component} ${pick(FLAWS)}. A crafted input reaching ${fn} from ${word()}_${word()} ${pick(EFFECTS)}; the ${word()} ${word()} path makes it reachable remotely. Observed with ${word()} ${word()} ${word()} during ${word()} runs.`;
    const finding = {
      title: `${component}: ${fn} ${pick(['memory corruption', 'unsafe handling', 'missing check', 'injection'])}`,
      description,
      stackTrace: `#0 0x${g.toString(16)} in ${fn} ${file}:${10 + (g % 900)}\n#1 0x${(g + 7).toString(16)} in ${word()}_dispatch src/core/${word()}.c:${20 + (g % 50)}\n#2 in main`,
      provenance: {
        finderKind: 'ai',
        model: { name: pick(MODELS), version: '2026-05' },
        autonomy: pick(['fully-autonomous', 'human-directed', 'human-validated']),
        harness: { name: 'fuzz-agent', version: '1.4.0' },
        runId: `run-${g}`,
        configurationHash: 'sha256:0f1e',
      },
      target: { purl: product },
      location: { file, line: 10 + (g % 900), function: fn },
      weakness: { cwe: pick(CWES) },
      severity: {
        cvss: pick([
          'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N',
          'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        ]),
      },
      exploited: rnd() < 0.01,
    };
    originals.push({ finding, group: g, kind: 'unique' });
  }
  const out: LabelledFinding[] = [...originals];
  const exact = Math.round(total * 0.3);
  for (let i = 0; i < exact; i++) {
    const o = pick(originals);
    const f = o.finding as { provenance: object; description: string };
    out.push({
      finding: { ...o.finding, provenance: { ...f.provenance, runId: `rerun-${i}` }, description: `${f.description} Reported again by run ${i}.` },
      group: o.group,
      kind: 'exact',
    });
  }
  const near = total - uniques - exact;
  for (let i = 0; i < near; i++) {
    const o = pick(originals);
    const f = o.finding as { description: string; location: { file: string; line: number; function: string } };
    const paraphrased = f.description
      .split(' ')
      .map((w) => (SYNONYMS[w] && rnd() < 0.5 ? SYNONYMS[w] : w))
      .join(' ');
    out.push({
      finding: {
        ...o.finding,
        description: `${paraphrased} Confirmed by a second harness.`,
        location: { file: f.location.file, line: f.location.line + 1 + Math.floor(rnd() * 12) },
        provenance: { finderKind: 'hybrid', model: { name: pick(MODELS) }, runId: `other-${i}` },
      },
      group: o.group,
      kind: 'near',
    });
  }
  // Interleave: duplicates arrive after their originals but mixed with new bugs.
  const head = out.slice(0, uniques);
  const tail = out.slice(uniques);
  for (let i = tail.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [tail[i], tail[j]] = [tail[j]!, tail[i]!];
  }
  const mixed: LabelledFinding[] = [];
  const split = Math.floor(uniques / 2);
  mixed.push(...head.slice(0, split));
  const rest = head.slice(split);
  let a = 0;
  let b = 0;
  while (a < rest.length || b < tail.length) {
    if (a < rest.length) mixed.push(rest[a++]!);
    if (b < tail.length) mixed.push(tail[b++]!);
  }
  // A duplicate must come after its original: move any that precede it to the end.
  const firstOf = new Map<number, number>();
  const ordered: LabelledFinding[] = [];
  const late: LabelledFinding[] = [];
  for (const x of mixed) {
    if (x.kind === 'unique') {
      firstOf.set(x.group, ordered.length);
      ordered.push(x);
    } else if (firstOf.has(x.group)) ordered.push(x);
    else late.push(x);
  }
  return [...ordered, ...late];
}

/** Precision and recall of dedup decisions against the labels: a duplicate is right when it joined its original's report. */
export function dedupQuality(
  corpus: readonly LabelledFinding[],
  results: readonly { status: string; reportId?: string }[],
): { precision: number; recall: number; truePositives: number; predicted: number; actual: number } {
  const reportOfGroup = new Map<number, string>();
  corpus.forEach((c, i) => {
    if (c.kind === 'unique' && results[i]?.reportId) reportOfGroup.set(c.group, results[i]!.reportId!);
  });
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  corpus.forEach((c, i) => {
    const r = results[i];
    const isDup = c.kind !== 'unique';
    if (isDup) actual++;
    if (r?.status === 'duplicate') {
      predicted++;
      if (isDup && r.reportId === reportOfGroup.get(c.group)) tp++;
    }
  });
  return { precision: predicted ? tp / predicted : 1, recall: actual ? tp / actual : 1, truePositives: tp, predicted, actual };
}
