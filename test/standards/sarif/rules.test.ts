import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { parseSarif } from '../../../src/standards/sarif';

type Run = Record<string, unknown>;
const logWith = (run: Run, result: Record<string, unknown> = {}): string =>
  JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'scanner', rules: [{ id: 'R1' }] } }, results: [{ ruleId: 'R1', message: { text: 'm' }, ...result }], ...run }],
  });
const located = (artifactLocation: Record<string, unknown>) => ({ locations: [{ physicalLocation: { artifactLocation } }] });

function problemsOf(text: string): Array<{ path: string; message: string }> {
  try {
    parseSarif(text);
    return [];
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return [...error.problems];
  }
}
const paths = (text: string): string[] => problemsOf(text).map((p) => p.path);
const LOCATION = '/runs/0/results/0/locations/0/physicalLocation/artifactLocation';

describe('SARIF 2.1.0 URI rules', () => {
  it('accepts a relative reference with a uriBaseId and an absolute file URI without one', () => {
    expect(problemsOf(logWith({ originalUriBaseIds: { SRC: { uri: 'file:///C:/src/' } } }, located({ uri: 'lib/a.c', uriBaseId: 'SRC' })))).toEqual([]);
    expect(problemsOf(logWith({}, located({ uri: 'file:///C:/src/lib/a.c' })))).toEqual([]);
  });

  it('rejects a uriBaseId beside an absolute uri (§3.4.4)', () => {
    expect(paths(logWith({}, located({ uri: 'file:///C:/src/a.c', uriBaseId: 'SRC' })))).toEqual([LOCATION]);
  });

  it.each([
    ['C:\\src\\a.c', 'a Windows path'],
    ['\\src\\a.c', 'a backslash path'],
    ['fi&le:///c:/src/a.c', 'a colon in the first segment of a relative reference'],
  ])('rejects %s: %s is not an RFC 3986 URI reference (§3.10.1)', (uri) => {
    expect(paths(logWith({}, located({ uri })))).toEqual([`${LOCATION}/uri`]);
  });

  it.each([
    [{ uri: 'src' }, 'relative without uriBaseId, and no trailing slash', 2],
    [{ uri: 'file:///C:/src' }, 'no trailing slash', 1],
    [{ uri: 'file:///C:/src//' }, 'two trailing slashes', 1],
    [{ uri: 'http://example.com/src/?q=1' }, 'a query', 2],
    [{ uri: 'file:///C:/a/../src/' }, 'a ".." segment', 1],
  ])('rejects the originalUriBaseIds entry %j: %s (§3.14.14)', (entry, _why, count) => {
    const problems = problemsOf(logWith({ originalUriBaseIds: { SRC: entry } }));
    expect(problems.map((p) => p.path)).toEqual(Array(count).fill('/runs/0/originalUriBaseIds/SRC'));
  });

  it('rejects a loop of uriBaseIds in originalUriBaseIds (§3.14.14)', () => {
    const problems = problemsOf(logWith({ originalUriBaseIds: { A: { uri: 'a/', uriBaseId: 'B' }, B: { uri: 'b/', uriBaseId: 'A' } } }));
    expect(problems.filter((p) => /loops/.test(p.message)).map((p) => p.path)).toEqual(['/runs/0/originalUriBaseIds/A', '/runs/0/originalUriBaseIds/B']);
  });
});

describe('SARIF 2.1.0 graph traversal indexes (§3.42.2–3)', () => {
  it('rejects a runGraphIndex or resultGraphIndex with no such graph', () => {
    const graph = { nodes: [{ id: 'n' }] };
    const result = { graphs: [graph], graphTraversals: [{ resultGraphIndex: 1 }, { runGraphIndex: 0 }, { resultGraphIndex: 0 }] };
    const problems = problemsOf(logWith({}, result));
    expect(problems.map((p) => p.path)).toEqual(['/runs/0/results/0/graphTraversals/0', '/runs/0/results/0/graphTraversals/1']);
    expect(problemsOf(logWith({ graphs: [graph] }, result)).map((p) => p.path)).toEqual(['/runs/0/results/0/graphTraversals/0']);
  });
});
