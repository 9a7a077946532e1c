import { addAnnex, setConclusion } from '../../../src/services/frontier/engagement-conclusions';
import { addFinding, editFinding, moveRemediation, removeFinding } from '../../../src/services/frontier/engagement-findings';
import { linkRun, unlinkRun } from '../../../src/services/frontier/engagement-runs';
import { createEngagement, moveEngagement } from '../../../src/services/frontier/engagements';
import { importEvaluationRun } from '../../../src/services/frontier/evaluation-runs';
import { addCheckpoint } from '../../../src/services/frontier/lineage';
import { engagementInput, makeEngagementPeople } from '../../frontier/engagement-world';
import { inspectLog } from '../../frontier/evaluations-world';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

/**
 * Third-party assessments: an engagement through its states, a finding with a narrower detail
 * (edited, answered by the developer, another deleted), a conclusion, a classified annex and a
 * run linked and unlinked. Threat models, titles, details, evidence, notes and annex text carry
 * canaries; none travels in an event.
 */
export async function frontierAssessmentEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  const p = await makeEngagementPeople(w.ctx);
  w.joined.push(p.developer, p.assessor, p.otherLab, p.otherAssessor);
  const e = await createEngagement(
    w.ctx,
    p.developer,
    engagementInput(p.versionId, p.assessor.organisationId, {
      scope: { domains: ['cyber_offense'], threatModels: ['CANARY-threat-model'] },
      independence: { financialTies: 'CANARY-financial-ties', assessorChosenBy: 'developer', developerReviewRight: true },
    }),
  );
  c.plant('CANARY-threat-model', e.id);
  c.plant('CANARY-financial-ties', e.id);
  await moveEngagement(w.ctx, p.assessor, e.id, { event: 'request_access' });
  await moveEngagement(w.ctx, p.assessor, e.id, { event: 'start' });
  const f = await addFinding(w.ctx, p.assessor, e.id, {
    domain: 'cyber_offense',
    severity: 'high',
    title: 'CANARY-finding-title',
    detail: 'CANARY-finding-detail',
  });
  c.plant('CANARY-finding-title', f.id);
  c.plant('CANARY-finding-detail', f.id);
  await editFinding(w.ctx, p.assessor, e.id, f.id, { evidence: ['CANARY-evidence-ref'] });
  c.plant('CANARY-evidence-ref', f.id);
  await moveRemediation(w.ctx, p.developer, e.id, f.id, { event: 'mitigate', note: 'CANARY-remediation-note', evidence: ['patch-1'] });
  c.plant('CANARY-remediation-note', f.id);
  const g = await addFinding(w.ctx, p.assessor, e.id, { domain: 'cyber_offense', severity: 'low', title: 'recorded in error' });
  await removeFinding(w.ctx, p.assessor, e.id, g.id);
  const conclusion = await setConclusion(w.ctx, p.assessor, e.id, {
    domain: 'cyber_offense',
    framework: 'openai-preparedness',
    frameworkLabel: 'High',
    rationale: 'CANARY-conclusion-rationale',
  });
  c.plant('CANARY-conclusion-rationale', conclusion.id);
  const annex = await addAnnex(w.ctx, p.assessor, e.id, { title: 'Annex', body: 'CANARY-annex-body' });
  c.plant('CANARY-annex-body', annex.id);
  // The developer (the commissioner) imports its own run of the version and links it, then takes it off.
  const cp = await addCheckpoint(w.ctx, p.developer, p.versionId, { hash: `sha256:${'a'.repeat(64)}` });
  const { run } = await importEvaluationRun(w.ctx, p.developer, { checkpointId: cp.id, bytes: inspectLog('CANARY-engagement-run-task', 0.3) });
  c.plant('CANARY-engagement-run-task', run.id);
  await linkRun(w.ctx, p.developer, e.id, run.id);
  await unlinkRun(w.ctx, p.developer, e.id, run.id);
  await moveEngagement(w.ctx, p.assessor, e.id, { event: 'submit_draft' });
}
