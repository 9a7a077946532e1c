import { cycloneDxInventory, parseCycloneDx } from '../src/standards/cyclonedx';
import { parseSarif, sarifFindings } from '../src/standards/sarif';
import type { BenchResult, BenchSuite } from './harness';

// Synthetic documents, deterministic (no randomness): a 50,000-component CycloneDX 1.6 BOM
// and a 20,000-result SARIF log, both valid against their official schemas.
function syntheticBom(components: number): string {
  const list = Array.from({ length: components }, (_, i) => ({
    type: 'library',
    'bom-ref': `pkg:npm/package-${i}@1.${i % 100}.0`,
    name: `package-${i}`,
    version: `1.${i % 100}.0`,
    purl: `pkg:npm/package-${i}@1.${i % 100}.0`,
    hashes: [{ alg: 'SHA-256', content: i.toString(16).padStart(64, '0') }],
    licenses: [{ license: { id: i % 2 ? 'MIT' : 'Apache-2.0' } }],
  }));
  const dependencies = list.map((c, i) => ({ ref: c['bom-ref'], dependsOn: i + 1 < components ? [list[i + 1]!['bom-ref']] : [] }));
  return JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: list, dependencies });
}

function syntheticSarif(results: number): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bench', version: '1.0', rules: [{ id: 'R1', properties: { tags: ['external/cwe/cwe-79'], 'security-severity': '7.5' } }] } },
        results: Array.from({ length: results }, (_, i) => ({
          ruleId: 'R1',
          ruleIndex: 0,
          level: 'error',
          message: { text: `finding ${i}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: `src/file-${i % 500}.ts` }, region: { startLine: (i % 900) + 1, startColumn: 3 } } }],
          partialFingerprints: { primaryLocationLineHash: `${i.toString(16)}:1` },
        })),
      },
    ],
  });
}

/** Throughput in MB/s of `fn` over `text`, best of a few repetitions after a warm-up. */
function megabytesPerSecond(text: string, fn: (text: string) => unknown, repetitions = 3): number {
  fn(text);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    fn(text);
    best = Math.min(best, performance.now() - start);
  }
  return Buffer.byteLength(text) / 1e6 / (best / 1000);
}

export const suite: BenchSuite = {
  name: 'Inventory and findings parsing (issue 3)',
  async run(): Promise<BenchResult[]> {
    const bom = syntheticBom(50_000);
    const sarif = syntheticSarif(20_000);
    const bomBaseline = { name: 'JSON.parse alone', value: megabytesPerSecond(bom, (t) => JSON.parse(t)) };
    const sarifBaseline = { name: 'JSON.parse alone', value: megabytesPerSecond(sarif, (t) => JSON.parse(t)) };
    const mb = (text: string): string => (Buffer.byteLength(text) / 1e6).toFixed(1);
    return [
      {
        name: 'CycloneDX JSON parse + schema check (50k components)',
        value: megabytesPerSecond(bom, (t) => parseCycloneDx(t)),
        unit: 'MB/s',
        baseline: bomBaseline,
        notes: `${mb(bom)} MB synthetic CycloneDX 1.6 BOM; official 1.6 schema with ajv, bom-ref uniqueness`,
      },
      {
        name: 'CycloneDX JSON parse + inventory (50k components)',
        value: megabytesPerSecond(bom, (t) => cycloneDxInventory(parseCycloneDx(t).bom)),
        unit: 'MB/s',
        baseline: bomBaseline,
      },
      {
        name: 'SARIF parse + schema + rules (20k results)',
        value: megabytesPerSecond(sarif, (t) => parseSarif(t)),
        unit: 'MB/s',
        baseline: sarifBaseline,
        notes: `${mb(sarif)} MB synthetic SARIF 2.1.0 log`,
      },
      {
        name: 'SARIF parse + findings (20k results)',
        value: megabytesPerSecond(sarif, (t) => sarifFindings(parseSarif(t))),
        unit: 'MB/s',
        baseline: sarifBaseline,
      },
    ];
  },
};
