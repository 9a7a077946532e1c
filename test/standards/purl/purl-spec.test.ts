import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { vectorPath } from '../../helpers/vectors';
import { PURL_TYPE_RULES, buildPurl, normalizePurl, parsePurl, serializePurl, type PackageURL, type PurlComponents } from '../../../src/standards/purl';

const ROOT = pathToFileURL(`${vectorPath('standards/purl')}/`);

interface SpecCase {
  description: string;
  test_group: string;
  test_type: 'parse' | 'build' | 'validate';
  input: string | Record<string, unknown>;
  expected_output?: unknown;
  expected_failure?: boolean;
}

function loadCases(): Array<{ file: string; c: SpecCase }> {
  const files = ['tests/spec/specification-test.json', ...readdirSync(new URL('tests/types/', ROOT)).map((f) => `tests/types/${f}`)];
  return files.flatMap((file) => (JSON.parse(readFileSync(new URL(file, ROOT), 'utf8')) as { tests: SpecCase[] }).tests.map((c) => ({ file, c })));
}

function components(p: PackageURL): Record<string, unknown> {
  return { type: p.type, namespace: p.namespace, name: p.name, version: p.version, qualifiers: p.qualifiers, subpath: p.subpath };
}

/** Runs one case; returns null when it passes, else what went wrong. */
function runCase(c: SpecCase): string | null {
  let actual: unknown;
  try {
    if (c.test_type === 'parse') actual = components(parsePurl(c.input as string));
    else if (c.test_type === 'build') actual = serializePurl(buildPurl(c.input as PurlComponents));
    else actual = normalizePurl(c.input as string);
  } catch (err) {
    if (!(err instanceof FormatError)) return `threw ${String(err)}`;
    return c.expected_failure ? null : `failed: ${err.message}`;
  }
  if (c.expected_failure) return `expected failure, got ${JSON.stringify(actual)}`;
  try {
    expect(actual).toEqual(c.expected_output);
    return null;
  } catch {
    return `got ${JSON.stringify(actual)}`;
  }
}

describe('purl-spec test suite (tests/spec and tests/types)', () => {
  it('passes every case', () => {
    const cases = loadCases();
    const failures = cases
      .map(({ file, c }) => ({ file, c, why: runCase(c) }))
      .filter((r) => r.why !== null)
      .map((r) => `${r.file} [${r.c.test_type}] ${JSON.stringify(r.c.input)}: ${r.why}`);
    console.info(`purl-spec: ${cases.length - failures.length}/${cases.length} cases pass`);
    expect(cases.length).toBe(586);
    expect(failures).toEqual([]);
  });
});

interface LegacyCase {
  description: string;
  purl: string;
  canonical_purl: string | null;
  type: string | null;
  namespace: string | null;
  name: string | null;
  version: string | null;
  qualifiers: Record<string, string> | null;
  subpath: string | null;
  is_invalid: boolean;
}

// Where the legacy suite and the current spec disagree, the current spec wins; the known
// disagreements are listed here with the rule that decides them.
const LEGACY_DISAGREEMENTS: Record<string, string> = {
  // The legacy case keeps '.' / '..' in the parsed subpath yet drops them in its own canonical
  // form; the current spec drops them (no path traversal through a subpath).
  'pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E%2E/api/annotations/': 'subpath . and .. are dropped',
  'pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E/api/annotations/': 'subpath . and .. are dropped',
  // Current spec: '/' in a qualifier value is percent-encoded in the canonical form.
  'pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repositorY_url=repo.spring.io/release': "'/' in values is encoded",
  'pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?extension=pom&repositorY_url=repo.spring.io/release': "'/' in values is encoded",
  'pkg:huggingface/microsoft/deberta-v3-base@559062ad13d311b87b2c455e67dcd5f1c8f65111?repository_url=https://hub-ci.huggingface.co': "'/' in values is encoded",
  'pkg:mlflow/CreditFraud@3?repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow': "'/' in values is encoded",
  'pkg:mlflow/CreditFraud@3?repository_url=https://westus2.api.azureml.ms/mlflow/v1.0/subscriptions/a50f2011-fab8-4164-af23-c62881ef8c95/resourceGroups/TestResourceGroup/providers/Microsoft.MachineLearningServices/workspaces/TestWorkspace':
    "'/' in values is encoded",
  'pkg:mlflow/trafficsigns@10?model_uuid=36233173b22f4c89b451f1228d700d49&run_id=410a3121-2709-4f88-98dd-dba0ef056b0a&repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow':
    "'/' in values is encoded",
  // Current conan tests accept a namespace without a channel qualifier and vice versa.
  'pkg:conan/bincrafters/cctz@2.3': 'conan namespace no longer needs channel',
  'pkg:conan/cctz@2.3?channel=stable': 'conan channel no longer needs namespace',
  // Current cpan definition: a module name ('::') is never a distribution name, and the
  // author namespace is optional (tests/types/cpan-test.json).
  'pkg:cpan/URI::PackageURL@2.11': "cpan name cannot contain '::'",
  'pkg:cpan/Perl-Version@1.013': 'cpan namespace is optional',
};

describe('purl-spec legacy test suite', () => {
  it('passes every case except those where the current spec differs', () => {
    const cases = JSON.parse(readFileSync(new URL('legacy-test-suite-data.json', ROOT), 'utf8')) as LegacyCase[];
    const failures: string[] = [];
    for (const c of cases) {
      let why: string | null = null;
      try {
        const p = parsePurl(c.purl, 'lenient');
        if (c.is_invalid) why = 'expected invalid';
        else if (serializePurl(p) !== c.canonical_purl) why = `canonical ${serializePurl(p)}`;
        else if (JSON.stringify(components(p)) !== JSON.stringify(components({ ...c, qualifiers: c.qualifiers } as PackageURL))) {
          why = `components ${JSON.stringify(components(p))}`;
        }
      } catch (err) {
        if (!(err instanceof FormatError)) why = `threw ${String(err)}`;
        else if (!c.is_invalid) why = `failed: ${err.message}`;
      }
      if (why !== null && !LEGACY_DISAGREEMENTS[c.purl]) failures.push(`${c.purl}: ${why}`);
    }
    console.info(
      `purl legacy suite: ${cases.length - failures.length - Object.keys(LEGACY_DISAGREEMENTS).length}/${cases.length} pass, ${Object.keys(LEGACY_DISAGREEMENTS).length} differ by the current spec`,
    );
    expect(failures).toEqual([]);
  });
});

describe('purl type rules cover the types purl-spec tests', () => {
  it('has a rule for every tests/types/<type>-test.json and no rule without one', () => {
    const tested = readdirSync(new URL('tests/types/', ROOT))
      .filter((f) => f.endsWith('-test.json'))
      .map((f) => f.slice(0, -'-test.json'.length))
      .sort();
    console.info(`purl type rules: ${Object.keys(PURL_TYPE_RULES).length}, purl-spec tested types: ${tested.length}`);
    expect(Object.keys(PURL_TYPE_RULES).sort()).toEqual(tested);
  });
});
