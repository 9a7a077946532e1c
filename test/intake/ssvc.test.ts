import { describe, expect, it } from 'vitest';
import { ssvcDecide, ssvcVector, type SsvcInputs } from '../../src/domain/intake/ssvc';

/**
 * CERT/CC SSVC data/csv/cisa/cisa_coordinator_2_0_3.csv (the CISA guide's tree, flattened):
 * exploitation, automatable, technical impact, mission & well-being → decision.
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
public-poc,no,partial,low,track
public-poc,no,partial,medium,track
public-poc,no,partial,high,track*
public-poc,no,total,low,track
public-poc,no,total,medium,track*
public-poc,no,total,high,attend
public-poc,yes,partial,low,track
public-poc,yes,partial,medium,track
public-poc,yes,partial,high,attend
public-poc,yes,total,low,track
public-poc,yes,total,medium,track*
public-poc,yes,total,high,attend
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
});
