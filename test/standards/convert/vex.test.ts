import { describe, expect, it } from 'vitest';
import { runMandatoryTests } from '../csaf/mandatory-tests';
import { DEFAULT_CSAF_PUBLISHER, statementsFromCsafVex, statementsFromOpenVex, statementsToCsafVex, statementsToOpenVex } from '../../../src/standards/convert';
import { csafProfile, parseCsaf, validateCsaf } from '../../../src/standards/csaf';
import { parseOpenVex, validateOpenVex } from '../../../src/standards/openvex';
import { listShared, readSharedText } from '../formats/shared-data';

const VEX_EXAMPLES = 'standards/csaf/csaf_2.0/examples/csaf/csaf_vex';
const sortKey = (s: { product: string; vulnerability: string; status: string }) => `${s.vulnerability} ${s.product} ${s.status}`;

describe('VEX statements: OpenVEX ⇄ common ⇄ CSAF VEX', () => {
  it('OpenVEX 0.2.0 sample → statements → OpenVEX and → CSAF VEX keep every statement; outputs are valid', async () => {
    const doc = parseOpenVex(readSharedText('standards/openvex/go-vex_pkg_vex_testdata_v0.2.0.json'));
    const statements = statementsFromOpenVex(doc);
    expect(statements.length).toBeGreaterThan(0);
    const openvex = statementsToOpenVex(statements, { id: doc['@id'], author: doc.author, timestamp: doc.timestamp });
    expect(validateOpenVex(openvex)).toEqual([]);
    expect(statementsFromOpenVex(openvex).map(sortKey).sort()).toEqual(statements.map(sortKey).sort());
    const csaf = statementsToCsafVex(statements, { trackingId: 'AISC-VEX-1', title: 'VEX', publisher: DEFAULT_CSAF_PUBLISHER, date: doc.timestamp });
    expect(csafProfile(csaf)).toBe('csaf_vex');
    expect(validateCsaf(csaf)).toEqual([]);
    const result = await runMandatoryTests(csaf);
    expect(result.tests.filter((t) => !t.isValid).map((t) => t.name)).toEqual([]);
    expect(statementsFromCsafVex(csaf).map(sortKey).sort()).toEqual(statements.map(sortKey).sort());
  });

  it('every OASIS CSAF VEX example → statements → OpenVEX that validates, with the same statuses', () => {
    let total = 0;
    for (const f of listShared(VEX_EXAMPLES)) {
      const doc = parseCsaf(readSharedText(`${VEX_EXAMPLES}/${f}`));
      const statements = statementsFromCsafVex(doc);
      total += statements.length;
      expect(statements.length, f).toBeGreaterThan(0);
      const openvex = statementsToOpenVex(statements, {
        id: `https://aisc.invalid/vex/${f}`,
        author: doc.document.publisher.name,
        timestamp: doc.document.tracking.current_release_date,
      });
      expect(validateOpenVex(openvex), f).toEqual([]);
      expect(statementsFromOpenVex(openvex).map((s) => s.status)).toEqual(statements.map((s) => s.status));
      const notAffected = statements.filter((s) => s.status === 'not_affected');
      for (const s of notAffected) expect(s.justification ?? s.impactStatement, `${f} ${s.product}`).toBeDefined();
    }
    console.log(`CSAF VEX examples → ${total} statements → valid OpenVEX`);
  });
});
