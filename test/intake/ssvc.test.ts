import { describe, expect, it } from 'vitest';
import {
  SSVC_EXPLOITATION,
  SSVC_EXPLOITATION_ACCEPTED,
  SSVC_EXPLOITATION_ALIASES,
  ssvcDecide,
  ssvcExploitationOf,
  ssvcVector,
  type SsvcInputs,
} from '../../src/domain/intake/ssvc';

/**
 * CERT/CC SSVC data/csv/cisa/cisa_coordinator_2_0_3.csv (the CISA guide's tree, flattened):
 * exploitation, automatable, technical impact, mission & well-being → decision. The CSV spells
 * exploitation `none`, `public poc`, `active`; AISC's machine values are CISA's ADP ones (ADR 0075).
 */
const TABLE = `none,no,partial,low,track
none,no,partial,medium,track
none,no,partial,high,track
none,no,total,low,track
none,no,total,medium,track
none,no,total,high,track*
none,yes,partial,low,track
none,yes,partial,medium,track
none,yes,partial,high,attend
none,yes,total,low,track
none,yes,total,medium,track
none,yes,total,high,attend
poc,no,partial,low,track
poc,no,partial,medium,track
poc,no,partial,high,track*
poc,no,total,low,track
poc,no,total,medium,track*
poc,no,total,high,attend
poc,yes,partial,low,track
poc,yes,partial,medium,track
poc,yes,partial,high,attend
poc,yes,total,low,track
poc,yes,total,medium,track*
poc,yes,total,high,attend
active,no,partial,low,track
active,no,partial,medium,track
active,no,partial,high,attend
active,no,total,low,track
active,no,total,medium,attend
active,no,total,high,act
active,yes,partial,low,attend
active,yes,partial,medium,attend
active,yes,partial,high,act
active,yes,total,low,attend
active,yes,total,medium,act
active,yes,total,high,act`;

const rows = TABLE.split('\n').map((l) => l.split(','));

describe('SSVC (CISA coordinator tree)', () => {
  it.each(rows)('%s / %s / %s / %s → %s', (exploitation, automatable, technicalImpact, missionWellbeing, decision) => {
    expect(ssvcDecide({ exploitation, automatable, technicalImpact, missionWellbeing } as SsvcInputs)).toBe(decision);
  });

  it('covers all 36 combinations', () => expect(new Set(rows.map((r) => r.slice(0, 4).join())).size).toBe(36));

  it('writes the SSVC vector form', () => {
    expect(ssvcVector({ exploitation: 'active', automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'high' })).toBe('SSVCv2/E:A/A:Y/T:T/M:H/D:C/');
    expect(ssvcVector({ exploitation: 'none', automatable: 'no', technicalImpact: 'total', missionWellbeing: 'high' })).toBe('SSVCv2/E:N/A:N/T:T/M:H/D:R/');
  });

  it('writes the SSVC vector form of a public PoC with P', () => {
    expect(ssvcVector({ exploitation: 'poc', automatable: 'no', technicalImpact: 'partial', missionWellbeing: 'low' })).toBe('SSVCv2/E:P/A:N/T:P/M:L/D:T/');
  });
});

describe('SSVC exploitation vocabulary (ADR 0075)', () => {
  it('is none, poc, active', () => expect([...SSVC_EXPLOITATION]).toEqual(['none', 'poc', 'active']));

  it('accepts the vocabulary and each deprecated alias, and nothing else', () => {
    expect([...SSVC_EXPLOITATION_ACCEPTED].sort()).toEqual([...SSVC_EXPLOITATION, ...Object.keys(SSVC_EXPLOITATION_ALIASES)].sort());
  });

  it('normalises `public-poc` to `poc` and keeps every value of the vocabulary', () => {
    expect(ssvcExploitationOf('public-poc')).toBe('poc');
    for (const v of SSVC_EXPLOITATION) expect(ssvcExploitationOf(v)).toBe(v);
  });

  it('decides the same for the alias as for the value it stands for', () => {
    const rest = { automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'medium' } as const;
    expect(ssvcDecide({ exploitation: ssvcExploitationOf('public-poc'), ...rest })).toBe('track*');
  });
});
