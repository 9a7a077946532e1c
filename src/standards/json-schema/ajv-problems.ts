import type { ErrorObject } from 'ajv';
import { pointer, type Problem } from '../problem';

const COMPOSITE = new Set(['oneOf', 'anyOf']);

const SHAPE = new Set(['required', 'type', 'const', 'enum', 'additionalProperties']);

/** Errors saying the value at `at` has the wrong shape for a branch (so the branch was not meant). */
function shapeErrors(list: readonly ErrorObject[], at: string): number {
  return list.filter((e) => SHAPE.has(e.keyword) && e.instancePath === at).length;
}

/** Whether branch `a` is closer to what the author meant than branch `b`. */
export function closer(a: readonly ErrorObject[], b: readonly ErrorObject[], at: string): boolean {
  const shapeA = shapeErrors(a, at);
  const shapeB = shapeErrors(b, at);
  return shapeA !== shapeB ? shapeA < shapeB : a.length < b.length;
}

/**
 * Of the errors raised inside the branches of one failed `oneOf`/`anyOf`, keeps only those of
 * the branch that came closest (fewest errors): the others describe shapes the author did not
 * mean, and listing them buries the real problem.
 */
function pruneBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const composites = errors.filter((e) => COMPOSITE.has(e.keyword)).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const composite of composites) {
    if (dropped.has(composite)) continue;
    const prefix = `${composite.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (dropped.has(e) || !e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      const list = branches.get(branch) ?? [];
      list.push(e);
      branches.set(branch, list);
    }
    if (branches.size === 0) continue; // e.g. "matches more than one": keep the message
    let best: ErrorObject[] | undefined;
    for (const list of branches.values()) if (!best || closer(list, best, composite.instancePath)) best = list;
    for (const list of branches.values()) if (list !== best) for (const e of list) dropped.add(e);
    dropped.add(composite);
  }
  // A failed `contains` also reports why each element did not match: the summary says it all.
  for (const c of errors.filter((e) => e.keyword === 'contains')) {
    for (const e of errors) if (e !== c && e.schemaPath.startsWith(`${c.schemaPath}/`)) dropped.add(e);
  }
  return errors.filter((e) => !dropped.has(e));
}

function describe(e: ErrorObject): Problem {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path: pointer(e.instancePath, String(params.missingProperty)), message: 'is required' };
    case 'dependentRequired': // 2019-09 (SPDX 2.3)
    case 'dependencies': // draft-04 / draft-07
      return { path: pointer(e.instancePath, String(params.missingProperty)), message: `is required when ${String(params.property)} is present` };
    case 'additionalProperties':
      return { path: pointer(e.instancePath, String(params.additionalProperty)), message: 'is not allowed here' };
    case 'enum':
      return {
        path: e.instancePath,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { path: e.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}` };
    default: {
      const title = (e.parentSchema as { title?: unknown } | undefined)?.title;
      const why = typeof title === 'string' && e.keyword !== 'type' ? ` (${title})` : '';
      return { path: e.instancePath, message: `${e.message ?? e.keyword}${why}` };
    }
  }
}

/**
 * Turns ajv's errors into problems with RFC 6901 paths (ajv's `instancePath` already is a
 * JSON Pointer), dropping noise from failed alternatives and duplicates.
 */
export function problemsFromAjv(errors: readonly ErrorObject[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of pruneBranches(errors)) {
    if (e.keyword === 'if') continue; // the failed `then` branch is reported on its own
    const problem = describe(e);
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
