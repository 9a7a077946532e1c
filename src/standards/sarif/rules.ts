import { pointer, type Problem } from '../problem';
import { int, isObject, list, type Json } from './json-value';
import { checkUriBaseId, originalUriBaseIdProblems } from './uri-base-ids';

// Property name → the run array an `index` under it points into (SARIF 2.1.0 §3.4.5 and the
// per-object "index" sections; checked by the SARIF SDK as SARIF1009).
const INDEXED: Readonly<Record<string, string>> = {
  artifactLocation: 'artifacts',
  analysisTarget: 'artifacts',
  address: 'addresses',
  webRequest: 'webRequests',
  webResponse: 'webResponses',
};

/**
 * The SARIF 2.1.0 rules a schema cannot express, each a "shall" of the specification that the
 * SARIF SDK validator reports as an error: index consistency (§3.4.5, SARIF1009), rule id
 * consistency (§3.27.5–7, SARIF1010), region consistency (§3.30, SARIF1007), physical
 * location consistency (§3.29, SARIF1008), invocation times (§3.20.7–8, SARIF1006), message
 * arguments (§3.11.5, SARIF1012), `sarif:` URIs that resolve (§3.10.3, SARIF1013), and URI
 * base ids (§3.4.4, §3.14.14, SARIF1004). URI references follow RFC 3986 (§3.10.1, checked
 * with the schema's formats), so Windows paths with backslashes are refused.
 * Not checked, because SARIF 2.1.0 does not forbid them: a `$schema` naming a pre-release
 * schema (SARIF1011; the tutorials' own samples use one), ".." segments in artifact URIs
 * (SARIF1002; forbidden only in originalUriBaseIds), and relative references that begin with
 * a slash (SARIF1004 advice).
 */
export function sarifRuleProblems(log: Json): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string): void => void problems.push({ path, message });
  list(log.runs).forEach((run, runIndex) => {
    if (!isObject(run)) return;
    checkRun(run, pointer('/runs', runIndex), log, report);
    problems.push(...originalUriBaseIdProblems(run, pointer('/runs', runIndex)));
  });
  return problems;
}

function checkRun(run: Json, runPath: string, log: Json, report: (path: string, message: string) => void): void {
  const lengthOf = (name: string): number => list(run[name]).length;
  const rules = list((run.tool as Json | undefined)?.driver && ((run.tool as Json).driver as Json).rules);
  const walk = (node: unknown, path: string, key: string, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, pointer(path, i), key, depth + 1);
      return;
    }
    if (!isObject(node)) return;
    const target = INDEXED[key];
    const index = int(node.index);
    if (target && index !== undefined && index >= lengthOf(target)) {
      report(path, `index ${index} is out of range: ${runPath}/${target} has ${lengthOf(target)} element(s)`);
    }
    if (key === 'region' || key === 'contextRegion') checkRegion(node, path, report);
    if (key === 'physicalLocation') checkPhysicalLocation(node, path, report);
    if (key === 'logicalLocations' || key === 'threadFlowLocations') checkNamedIndex(node, path, key, run, report);
    if (key === 'artifacts' || key === 'addresses' || key === 'logicalLocations') checkParentIndex(node, path, key, run, runPath, report);
    if (key === 'artifactLocation' && typeof node.uri === 'string' && node.uri.startsWith('sarif:')) checkSarifUri(node.uri, path, log, report);
    checkUriBaseId(node, path, report);
    for (const [childKey, child] of Object.entries(node)) {
      if (childKey !== 'properties') walk(child, pointer(path, childKey), childKey, depth + 1);
    }
  };
  for (const [key, value] of Object.entries(run)) walk(value, pointer(runPath, key), key, 0);
  list(run.results).forEach((result, i) => {
    if (isObject(result)) checkResult(result, pointer(pointer(runPath, 'results'), i), rules, lengthOf('invocations'), lengthOf('graphs'), report);
  });
  list(run.invocations).forEach((invocation, i) => {
    if (!isObject(invocation) || typeof invocation.startTimeUtc !== 'string' || typeof invocation.endTimeUtc !== 'string') return;
    if (Date.parse(invocation.endTimeUtc) < Date.parse(invocation.startTimeUtc)) {
      report(`${runPath}/invocations/${i}/endTimeUtc`, 'endTimeUtc is earlier than startTimeUtc (SARIF 2.1.0 §3.20.8)');
    }
  });
}

function checkResult(
  result: Json,
  path: string,
  rules: unknown[],
  invocations: number,
  runGraphs: number,
  report: (path: string, message: string) => void,
): void {
  const rule = isObject(result.rule) ? result.rule : undefined;
  const ruleIndex = int(result.ruleIndex) ?? int(rule?.index);
  const ruleId = typeof result.ruleId === 'string' ? result.ruleId : undefined;
  const referenceId = typeof rule?.id === 'string' ? rule.id : undefined;
  if (ruleIndex !== undefined && ruleIndex >= rules.length) report(path, `ruleIndex ${ruleIndex} is out of range: the driver has ${rules.length} rule(s)`);
  const descriptor =
    ruleIndex !== undefined && isObject(rules[ruleIndex]) ? rules[ruleIndex] : rules.find((r) => isObject(r) && r.id === (ruleId ?? referenceId));
  const descriptorId = isObject(descriptor) && typeof descriptor.id === 'string' ? descriptor.id : undefined;
  // §3.27.5: a result shall name its rule by ruleId or rule.id, and they shall agree.
  if (ruleId === undefined && referenceId === undefined && descriptorId === undefined)
    report(path, 'result names no rule: ruleId or rule.id is required (SARIF 2.1.0 §3.27.5)');
  // A ruleId that differs from rules[ruleIndex].id is tolerated, as the SARIF SDK does (the
  // tutorials' own samples have one); ruleId and rule.id on the same result must agree.
  if (ruleId !== undefined && referenceId !== undefined && ruleId !== referenceId) report(path, `ruleId ${ruleId} differs from rule.id ${referenceId}`);
  const invocationIndex = int((result.provenance as Json | undefined)?.invocationIndex);
  if (invocationIndex !== undefined && invocationIndex >= invocations)
    report(pointer(path, 'provenance'), `invocationIndex ${invocationIndex} is out of range: the run has ${invocations} invocation(s)`);
  checkMessageArguments(result, path, descriptor, report);
  // §3.42.2–3: a graphTraversal names its graph by index into run.graphs or result.graphs.
  list(result.graphTraversals).forEach((traversal, i) => {
    if (!isObject(traversal)) return;
    const at = pointer(pointer(path, 'graphTraversals'), i);
    const runGraphIndex = int(traversal.runGraphIndex);
    const resultGraphIndex = int(traversal.resultGraphIndex);
    if (runGraphIndex !== undefined && runGraphIndex >= runGraphs)
      report(at, `runGraphIndex ${runGraphIndex} is out of range: the run has ${runGraphs} graph(s)`);
    const resultGraphs = list(result.graphs).length;
    if (resultGraphIndex !== undefined && resultGraphIndex >= resultGraphs)
      report(at, `resultGraphIndex ${resultGraphIndex} is out of range: the result has ${resultGraphs} graph(s)`);
  });
}

// §3.11.5: a message with an id takes its text from the rule's messageStrings; every {n}
// placeholder needs an argument.
function checkMessageArguments(result: Json, path: string, descriptor: unknown, report: (path: string, message: string) => void): void {
  const message = isObject(result.message) ? result.message : undefined;
  if (typeof message?.id !== 'string') return;
  const strings = isObject(descriptor) && isObject(descriptor.messageStrings) ? descriptor.messageStrings : undefined;
  const entry = strings?.[message.id];
  if (!isObject(entry) || typeof entry.text !== 'string') {
    report(path, `message id ${message.id} is not among the rule's messageStrings`);
    return;
  }
  const needed = Math.max(0, ...[...entry.text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]) + 1));
  const given = list(message.arguments).length;
  if (given < needed) report(path, `message ${message.id} needs ${needed} argument(s), ${given} given`);
}

function checkRegion(region: Json, path: string, report: (path: string, message: string) => void): void {
  const startLine = int(region.startLine);
  const endLine = int(region.endLine);
  const startColumn = int(region.startColumn) ?? 1;
  const endColumn = int(region.endColumn);
  // §3.30.2: a region is text (startLine) or binary (byteOffset) or by charOffset.
  if (startLine === undefined && region.charOffset === undefined && region.byteOffset === undefined) {
    report(path, 'region has none of startLine, charOffset, byteOffset (SARIF 2.1.0 §3.30.2)');
  }
  if (startLine !== undefined && endLine !== undefined && endLine < startLine)
    report(pointer(path, 'endLine'), `endLine ${endLine} is before startLine ${startLine}`);
  if (endColumn !== undefined && (endLine === undefined || endLine === startLine) && endColumn < startColumn) {
    report(pointer(path, 'endColumn'), `endColumn ${endColumn} is before startColumn ${startColumn}`);
  }
}

// §3.29.2–3: a physical location has an artifactLocation or an address; a contextRegion
// needs a region and contains it.
function checkPhysicalLocation(location: Json, path: string, report: (path: string, message: string) => void): void {
  if (location.artifactLocation === undefined && location.address === undefined) report(path, 'physicalLocation has neither artifactLocation nor address');
  if (location.contextRegion !== undefined && location.region === undefined) report(path, 'physicalLocation has a contextRegion but no region');
  const region = location.region as Json | undefined;
  const context = location.contextRegion as Json | undefined;
  // §3.29.5: the contextRegion shall be a proper superset of the region.
  if (isObject(region) && isObject(context) && (!contains(context, region) || contains(region, context))) {
    report(path, 'contextRegion is not a proper superset of region');
  }
}

// §3.30: a region is a span of lines and columns, of characters, or of bytes; defaults per
// §3.30.5–§3.30.13 (startColumn 1, endLine = startLine, endColumn = end of line).
function contains(outer: Json, inner: Json): boolean {
  for (const [offset, length] of [
    ['charOffset', 'charLength'],
    ['byteOffset', 'byteLength'],
  ] as const) {
    const o = int(outer[offset]);
    const i = int(inner[offset]);
    if (o !== undefined && i !== undefined && (i < o || i + (int(inner[length]) ?? 0) > o + (int(outer[length]) ?? 0))) return false;
  }
  const startLine = (r: Json): number | undefined => int(r.startLine);
  if (startLine(outer) === undefined || startLine(inner) === undefined) return true;
  const start = (r: Json): [number, number] => [startLine(r)!, int(r.startColumn) ?? 1];
  const end = (r: Json): [number, number] => [int(r.endLine) ?? startLine(r)!, int(r.endColumn) ?? Number.POSITIVE_INFINITY];
  const before = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  return !before(start(inner), start(outer)) && !before(end(outer), end(inner));
}

function checkNamedIndex(node: Json, path: string, key: string, run: Json, report: (path: string, message: string) => void): void {
  const index = int(node.index);
  const size = list(run[key]).length;
  if (index !== undefined && index >= size) report(path, `index ${index} is out of range: run.${key} has ${size} element(s)`);
}

function checkParentIndex(node: Json, path: string, key: string, run: Json, runPath: string, report: (path: string, message: string) => void): void {
  const parentIndex = int(node.parentIndex);
  const size = list(run[key]).length;
  if (parentIndex !== undefined && parentIndex >= size) report(path, `parentIndex ${parentIndex} is out of range: ${runPath}/${key} has ${size} element(s)`);
}

// §3.10.3: `sarif:/runs/0/results/1` is a JSON Pointer into this log.
function checkSarifUri(uri: string, path: string, log: Json, report: (path: string, message: string) => void): void {
  let node: unknown = log;
  for (const token of uri.slice('sarif:'.length).split('/').filter(Boolean)) {
    node = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[decodeURIComponent(token)] : undefined;
  }
  if (node === undefined) report(path, `${uri} does not resolve to an object in this log`);
}
