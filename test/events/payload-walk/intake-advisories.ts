import type { OsvRecord } from '../../../src/standards/osv/index';
import { createAdvisoryDraft, updateAdvisoryDraft } from '../../../src/services/advisories/drafting';
import { importAdvisoriesAs } from '../../../src/services/advisories/import';
import { readImportFile } from '../../../src/services/advisories/import-read';
import { publishAdvisory, reviseAdvisory, scheduleAdvisory, unscheduleAdvisory, withdrawAdvisory } from '../../../src/services/advisories/publication';
import { mergeReports, splitReport } from '../../../src/services/intake/merge';
import { shareReport } from '../../../src/services/intake/share';
import { setIntakeSettings, setQuota } from '../../../src/services/intake/settings';
import { submitChunk } from '../../../src/services/intake/submit';
import { updateTriage } from '../../../src/services/intake/triage';
import { advisoryContent } from '../../advisories/fixtures';
import { makePrincipal } from '../../helpers/factories';
import { aiFinding } from '../../intake/world';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

/**
 * Intake: two labs' reports merged and split again, one shared by an analyst, an assessment, the platform's intake
 * settings and one lab's quota. Advisories: a draft under embargo with canaries in its text
 * (scheduled, unscheduled), another one published, revised and withdrawn, and an import.
 */
export async function intakeAndAdvisoryEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  const labB = await makePrincipal(w.ctx);
  const submit = async (p: typeof labB, title: string) => {
    const r = (await submitChunk(w.ctx, p, [{ index: 0, value: aiFinding({ title }) }], { requestKey: null, source: 'api' })).results[0]!;
    if (r.status !== 'accepted') throw new Error(`finding not accepted: ${JSON.stringify(r)}`);
    return { reportId: r.reportId!, findingId: r.findingId! };
  };
  const first = await submit(w.reporter, 'Heap overflow found by the reporter');
  const second = await submit(labB, 'CANARY-finding-title-B');
  c.plant('CANARY-finding-title-B', second.reportId);
  await mergeReports(w.ctx, w.analyst, first.reportId, [second.reportId]);
  await splitReport(w.ctx, w.analyst, first.reportId, [second.findingId]);
  // Sharing is the analysts' explicit act (ADR 0013): the reporter's organisation is told.
  await shareReport(w.ctx, w.analyst, second.reportId, [w.reporter.organisationId]);
  await updateTriage(w.ctx, w.analyst, first.reportId, { knownExploited: true });
  await setIntakeSettings(w.ctx, w.admin, { findingsPerMinute: 600, priorityFindingsPerMinute: 60, findingsPerDay: 100_000, needsInfoCloseDays: 30 });
  await setQuota(w.ctx, w.admin, labB.organisationId, { findingsPerMinute: 10, priorityFindingsPerMinute: 1, findingsPerDay: 100 });
  await setQuota(w.ctx, w.admin, labB.organisationId, null);

  const a = w.vendors[0]!;
  const embargoed = await createAdvisoryDraft(w.ctx, w.analyst, {
    content: advisoryContent('canary-pkg', { title: 'CANARY-advisory-title', description: 'CANARY-advisory-description' }),
    marking: { tlp: 'AMBER+STRICT', access: { organisations: [a.organisationId] } },
  });
  for (const t of ['CANARY-advisory-title', 'CANARY-advisory-description', 'CANARY-advisory-title-2']) c.plant(t, embargoed.id);
  await updateAdvisoryDraft(w.ctx, w.analyst, embargoed.id, { content: advisoryContent('canary-pkg', { title: 'CANARY-advisory-title-2' }) });
  await scheduleAdvisory(w.ctx, w.analyst, embargoed.id, new Date(w.ctx.clock.now.getTime() + 10 * 86_400_000));
  await unscheduleAdvisory(w.ctx, w.analyst, embargoed.id);

  const published = await createAdvisoryDraft(w.ctx, w.analyst, { content: advisoryContent('public-pkg') });
  await publishAdvisory(w.ctx, w.analyst, published.id);
  await reviseAdvisory(w.ctx, w.analyst, published.id, advisoryContent('public-pkg', { summary: 'Revised.' }), 'Clarified the summary.');
  await withdrawAdvisory(w.ctx, w.analyst, published.id, 'not a vulnerability after all');

  const osv: OsvRecord = {
    schema_version: '1.6.0',
    id: 'GHSA-2345-6789-cfgh',
    modified: '2026-05-01T00:00:00Z',
    published: '2026-04-01T00:00:00Z',
    summary: 'An imported advisory',
    affected: [{ package: { ecosystem: 'npm', name: 'imported-pkg' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }],
  };
  const r = await importAdvisoriesAs(w.ctx, w.analyst, readImportFile(JSON.stringify(osv)).items);
  if (r.created !== 1) throw new Error(`import failed: ${JSON.stringify(r.rejections)}`);
}
