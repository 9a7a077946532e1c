import type { AdvisoryContent } from '../../src/domain/advisory/content';
import { vectorPath } from '../helpers/vectors';

/** A publishable advisory about `pkg` in npm, affected below 1.2.3 (each test makes its own). */
export function advisoryContent(pkg = 'left-pad', over: Partial<AdvisoryContent> = {}): AdvisoryContent {
  return {
    title: `Prototype pollution in ${pkg}`,
    summary: `${pkg} merges untrusted keys into Object.prototype.`,
    description: 'An attacker who controls a merged object can add properties to every object.',
    cveId: null,
    aliases: [],
    affected: [{ ecosystem: 'npm', name: pkg, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.3' }] }] }],
    cvss: { v3_1: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', v4_0: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
    cweIds: ['CWE-1321'],
    ssvc: { exploitation: 'poc', automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'high', decision: 'act' },
    remediations: [{ category: 'vendor_fix', details: 'Upgrade to 1.2.3.' }],
    references: [{ type: 'FIX', url: `https://example.test/${pkg}/commit/1` }],
    credits: [
      { name: 'Frontier Lab', kind: 'ai', role: 'FINDER', model: { name: 'model-x', version: '2026-05' } },
      { name: 'Ada Analyst', kind: 'human', role: 'ANALYST' },
    ],
    ...over,
  };
}

/** The folder of the real OSV advisories (test/vectors/advisories), with a trailing slash. */
export function advisoryDataDir(): string {
  return `${vectorPath('advisories')}/`;
}
