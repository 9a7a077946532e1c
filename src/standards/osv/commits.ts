import type { Problem } from '../problem';

/**
 * Where the OSV 1.7 schema rule "GIT ranges must use full-length commit hashes" applies: an
 * event value of a range. That rule is the schema's only `pattern` on event values, so a
 * pattern failure here is that rule (OSV §affected[].ranges[].events, type GIT).
 */
const EVENT_VALUE = /^\/affected\/(\d+)\/ranges\/(\d+)\/events\/(\d+)\/(introduced|fixed|last_affected|limit)$/;

/** Whether `problem` is the schema's full-length-commit rule (see {@link describeCommitProblems}). */
export function isShortCommitProblem(problem: Problem): boolean {
  return problem.message.startsWith('must match pattern') && EVENT_VALUE.test(problem.path);
}

function eventValue(record: unknown, path: string): unknown {
  const [, a, r, e, key] = EVENT_VALUE.exec(path)!;
  const affected = (record as { affected?: unknown[] }).affected?.[Number(a)] as { ranges?: unknown[] } | undefined;
  const range = affected?.ranges?.[Number(r)] as { events?: unknown[] } | undefined;
  return (range?.events?.[Number(e)] as Record<string, unknown> | undefined)?.[key!];
}

/**
 * Rewrites the schema's bare pattern message for a GIT event that is not a full commit hash
 * (real advisories carry abbreviated hashes, or a hash with `.patch` appended) so the reader
 * learns which rule it broke and what the value was.
 */
export function describeCommitProblems(record: unknown, problems: readonly Problem[]): Problem[] {
  return problems.map((p) =>
    isShortCommitProblem(p)
      ? {
          path: p.path,
          message: `GIT ranges must use full-length commit hashes (OSV 1.7): ${JSON.stringify(eventValue(record, p.path))} is not "0" or a 40- or 64-character lower-case hex commit`,
        }
      : p,
  );
}
