import type { ArtifactLocation, Location, ReportingDescriptor, Result, Run } from 'sarif';
import { estimateSeverity } from './severity';
import type { FindingDraft, FindingFlowStep, FindingLocation, SarifLog } from './types';

const CWE = /^(?:external\/cwe\/)?cwe[-_/:]?(\d+)$/i;

/**
 * Turns every result of a parsed SARIF log into a finding draft: target (artifact, repository,
 * commit), location, CWE weaknesses, message, severity estimate, the tool as harness, run id,
 * fingerprints and code flows. Results of every run, in document order.
 */
export function sarifFindings(log: SarifLog): FindingDraft[] {
  return (log.runs ?? []).flatMap((run, runIndex) => (run.results ?? []).map((result, i) => finding(run, result, `/runs/${runIndex}/results/${i}`)));
}

function finding(run: Run, result: Result, sarifPath: string): FindingDraft {
  const rule = ruleOf(run, result);
  const provenance = run.versionControlProvenance?.[0];
  const location = result.locations?.[0];
  const kind = result.kind ?? 'fail';
  // §3.27.10: level defaults to the rule's defaultConfiguration.level, else "warning";
  // a result whose kind is not "fail" has level "none".
  const level = result.level ?? (kind === 'fail' ? (rule?.defaultConfiguration?.level ?? 'warning') : 'none');
  const securitySeverity = Number.parseFloat(String(rule?.properties?.['security-severity'] ?? result.properties?.['security-severity']));
  const artifactUri = uriOf(run, result.analysisTarget) ?? uriOf(run, location?.physicalLocation?.artifactLocation);
  const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id;
  const description = rule?.fullDescription?.text ?? rule?.shortDescription?.text;
  return {
    target: {
      ...(artifactUri ? { artifactUri } : {}),
      ...(provenance?.repositoryUri ? { repository: provenance.repositoryUri } : {}),
      ...(provenance?.revisionId ? { commit: provenance.revisionId } : {}),
      ...(provenance?.branch ? { branch: provenance.branch } : {}),
    },
    location: locationOf(run, location),
    weaknesses: weaknessesOf(run, rule, result),
    message: messageOf(result, rule),
    ...(description ? { description } : {}),
    severity: estimateSeverity(kind, level, Number.isFinite(securitySeverity) ? securitySeverity : undefined),
    ...(Number.isFinite(securitySeverity) ? { securitySeverity } : {}),
    ...(ruleId ? { ruleId } : {}),
    tool: { name: run.tool.driver.name, ...(toolVersion(run) ? { version: toolVersion(run) } : {}) },
    ...(run.automationDetails?.id ? { runId: run.automationDetails.id } : {}),
    fingerprints: { ...(result.partialFingerprints ?? {}), ...(result.fingerprints ?? {}) },
    codeFlows: (result.codeFlows ?? []).map((flow) =>
      flow.threadFlows.flatMap((thread) =>
        thread.locations.map((step): FindingFlowStep => {
          const stepLocation = step.location ?? (step.index !== undefined ? run.threadFlowLocations?.[step.index]?.location : undefined);
          const text = stepLocation?.message?.text;
          return { location: locationOf(run, stepLocation), ...(text ? { message: text } : {}) };
        }),
      ),
    ),
    sarifPath,
    sarif: { kind, level },
    suppressed: (result.suppressions ?? []).some((s) => s.status === undefined || s.status === 'accepted'),
  };
}

function toolVersion(run: Run): string | undefined {
  return run.tool.driver.version ?? run.tool.driver.semanticVersion;
}

// §3.27.6–7: the rule by ruleIndex, else by id (a hierarchical id "A/B" names rule "A").
function ruleOf(run: Run, result: Result): ReportingDescriptor | undefined {
  const rules = run.tool.driver.rules ?? [];
  const index = result.ruleIndex ?? result.rule?.index;
  if (index !== undefined && index >= 0 && rules[index]) return rules[index];
  const id = result.ruleId ?? result.rule?.id;
  return id === undefined ? undefined : (rules.find((r) => r.id === id) ?? rules.find((r) => id.startsWith(`${r.id}/`)));
}

function locationOf(run: Run, location: Location | undefined): FindingLocation {
  const physical = location?.physicalLocation;
  const region = physical?.region;
  const logical = location?.logicalLocations?.[0];
  const indexed = logical?.index !== undefined ? run.logicalLocations?.[logical.index] : undefined;
  const fn = logical?.fullyQualifiedName ?? logical?.name ?? indexed?.fullyQualifiedName ?? indexed?.name;
  const file = uriOf(run, physical?.artifactLocation);
  return {
    ...(file ? { file } : {}),
    ...(region?.startLine !== undefined ? { startLine: region.startLine } : {}),
    ...(region?.startColumn !== undefined ? { startColumn: region.startColumn } : {}),
    ...(region?.endLine !== undefined ? { endLine: region.endLine } : {}),
    ...(region?.endColumn !== undefined ? { endColumn: region.endColumn } : {}),
    ...(fn ? { function: fn } : {}),
  };
}

// §3.4.3–4: a relative uri is resolved against its uriBaseId (and that base's own base);
// an artifactLocation may instead point to run.artifacts by index.
function uriOf(run: Run, location: ArtifactLocation | undefined, depth = 0): string | undefined {
  if (!location || depth > 8) return undefined;
  const uri = location.uri ?? (location.index !== undefined ? run.artifacts?.[location.index]?.location?.uri : undefined);
  const baseId = location.uriBaseId ?? (location.index !== undefined ? run.artifacts?.[location.index]?.location?.uriBaseId : undefined);
  if (uri === undefined) return undefined;
  if (/^[a-z][\w+.-]*:/i.test(uri) || baseId === undefined) return uri;
  const base = run.originalUriBaseIds?.[baseId];
  const baseUri = base ? uriOf(run, base, depth + 1) : undefined;
  if (baseUri === undefined) return uri;
  return `${baseUri.endsWith('/') ? baseUri : `${baseUri}/`}${uri.replace(/^\.?\//, '')}`;
}

// CWE ids from the places tools put them: rule tags ("external/cwe/cwe-79", "CWE-79"),
// rule properties ("cwe"), relationships to a CWE taxonomy, and the result's taxa.
function weaknessesOf(run: Run, rule: ReportingDescriptor | undefined, result: Result): string[] {
  const ids = new Set<string>();
  const add = (value: unknown): void => {
    const match = CWE.exec(String(value).trim());
    if (match) ids.add(`CWE-${Number(match[1])}`);
  };
  const cweTaxonomies = new Set((run.taxonomies ?? []).filter((t) => t.name.toUpperCase() === 'CWE').map((t) => t.guid ?? t.name));
  const isCwe = (component: { name?: string; guid?: string } | undefined): boolean =>
    component?.name?.toUpperCase() === 'CWE' || (component?.guid !== undefined && cweTaxonomies.has(component.guid));
  for (const tag of [...((rule?.properties?.tags as unknown[]) ?? []), ...((result.properties?.tags as unknown[]) ?? [])]) add(tag);
  for (const value of [rule?.properties?.cwe, result.properties?.cwe].flat())
    if (value !== undefined) add(/^\d+$/.test(String(value)) ? `CWE-${value}` : value);
  for (const relationship of rule?.relationships ?? []) {
    if (isCwe(relationship.target.toolComponent)) add(`CWE-${relationship.target.id}`);
  }
  for (const taxon of result.taxa ?? []) if (isCwe(taxon.toolComponent)) add(`CWE-${taxon.id}`);
  return [...ids].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
}

// §3.11.5–7: text, or the rule's message string named by id, with {n} placeholders filled.
function messageOf(result: Result, rule: ReportingDescriptor | undefined): string {
  const message = result.message;
  const template = message.text ?? (message.id ? rule?.messageStrings?.[message.id]?.text : undefined) ?? '';
  const args = message.arguments ?? [];
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => args[Number(n)] ?? whole);
}
