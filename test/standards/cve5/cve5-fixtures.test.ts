import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCve5, serializeCve5, validateCve5, validateCve5Container, type Cve5ContainerKind } from '../../../src/standards/cve5';
import type { Problem } from '../../../src/standards/problem';
import { readSharedJson, sharedDataPath } from '../formats/shared-data';

const ROOT = 'standards/cve5/cve-services';

/**
 * Fixtures named for the state of a CVE id rather than for a validation outcome: they use the
 * draft layout of CVE Services' ID-state tests (top-level `descriptions`, no `containers`),
 * which no released CVE Record Format (5.0.0, 5.1.1) accepts, and CVE Services' own schema
 * tests (test/unit-tests/middleware/validateJsonSchema5.0.js) do not submit them.
 */
const ID_STATE_FIXTURES = new Set(['CVE-2017-5835_rejected.json']);

/**
 * What a fixture's file name says it must do: `pass` / `published` / `rejected` / `nonexistent`
 * (a record for an id the server lacks) must validate; `fail` / `bad` / `reserved` (RESERVED is a
 * state of an id, not of a record: the format has only PUBLISHED and REJECTED) must not.
 * Undefined for fixtures whose name states no outcome (request bodies, lists, language variants,
 * {@link ID_STATE_FIXTURES}).
 */
function labelOf(name: string): boolean | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (ID_STATE_FIXTURES.has(base)) return undefined;
  if (/fail|bad|reserved|missing-container/.test(base)) return false;
  if (/pass|_published\.json|_rejected\.json|nonexistent/.test(base)) return true;
  return undefined;
}

/** The schema check a fixture is for: a whole record, or a container submitted to CVE Services. */
function checkerOf(name: string): (value: unknown) => Problem[] {
  const wrapped = (kind: Cve5ContainerKind, key: string) => (v: unknown) => validateCve5Container((v as Record<string, unknown>)[key], kind);
  if (/adpContainerExample/.test(name)) return wrapped('adp', 'adpContainer');
  if (/cveRecordList/.test(name)) return (v) => (v as { cve: unknown }[]).flatMap((item) => validateCve5(item.cve));
  if (/reject(Body|Existing|CveExample)/.test(name)) return wrapped('rejected', 'cnaContainer');
  if (/cna-container_(pass|fail)/.test(name)) return wrapped('published', 'cnaContainer');
  return validateCve5;
}

describe('CVE JSON 5: CVE Services fixtures', () => {
  it('every fixture validates or fails as its name labels it', () => {
    const files = execFileSync('find', [sharedDataPath(ROOT), '-name', '*.json'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.slice(sharedDataPath(ROOT).length + 1))
      .sort();
    const mismatches: Record<string, Problem[]> = {};
    const unlabelled: Record<string, string> = {};
    let labelled = 0;
    let asLabelled = 0;
    for (const f of files) {
      const problems = checkerOf(f)(readSharedJson(`${ROOT}/${f}`));
      const valid = labelOf(f);
      if (valid === undefined) {
        unlabelled[f] = problems.length === 0 ? 'valid' : `${problems.length} problems, first ${problems[0]!.path}: ${problems[0]!.message.slice(0, 60)}`;
        continue;
      }
      labelled++;
      if ((problems.length === 0) === valid) asLabelled++;
      else mismatches[f] = problems;
    }
    console.log(`CVE Services fixtures: ${asLabelled}/${labelled} labelled ones as labelled; unlabelled:`, unlabelled);
    expect(mismatches).toEqual({});
    expect(asLabelled).toBe(labelled);
    // The ID-state fixture is rejected by the official schema for its layout, and only for that.
    expect(validateCve5(readSharedJson(`${ROOT}/test/schemas/5.0/CVE-2017-5835_rejected.json`))).toEqual([
      { path: '/containers', message: 'is required' },
      { path: '/descriptions', message: 'is not allowed here' },
    ]);
    expect(files.length).toBe(34);
    expect(labelled).toBe(18);
  });

  it('published records round-trip through serialize and report every problem with a path', () => {
    const text = JSON.stringify(readSharedJson(`${ROOT}/test-http/src/test/cve_tests/cve_record_fixtures/CVE-2021-0005_published.json`));
    const record = parseCve5(text);
    expect(parseCve5(serializeCve5(record))).toEqual(JSON.parse(text));
    const problems = validateCve5(readSharedJson(`${ROOT}/test/schemas/5.0/CVE-2017-4024_published_fail.json`));
    expect(problems).toContainEqual({ path: '/containers/cna/providerMetadata/orgId', message: 'must be string' });
  });

  it('the official 5.1.1 schema admits an ADP `source` (CVE-2017-4024_published.json) and CVSS 3.0 metrics', () => {
    const published = readSharedJson(`${ROOT}/test/schemas/5.0/CVE-2017-4024_published.json`) as { containers: { adp: { source?: unknown }[] } };
    expect(published.containers.adp[0]!.source).toBeDefined();
    expect(validateCve5(published)).toEqual([]);
    const record = readSharedJson(`${ROOT}/test-http/src/test/cve_tests/cve_record_fixtures/CVE-2021-0005_published.json`) as {
      containers: { cna: Record<string, unknown> };
    };
    const cvss30 = { version: '3.0', vectorString: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, baseSeverity: 'CRITICAL' };
    const withMetric = (metric: unknown) => ({ ...record, containers: { ...record.containers, cna: { ...record.containers.cna, metrics: [metric] } } });
    expect(validateCve5(withMetric({ cvssV3_0: cvss30 }))).toEqual([]);
    const bad = withMetric({ cvssV3_0: { ...cvss30, baseSeverity: 'SEVERE' } });
    expect(validateCve5(bad).length).toBeGreaterThan(0);
    expect(validateCve5(bad).map((p) => p.path)).toContain('/containers/cna/metrics/0/cvssV3_0/baseSeverity');
    expect(validateCve5Container(bad.containers.cna, 'published').map((p) => p.path)).toContain('/metrics/0/cvssV3_0/baseSeverity');
  });
});
