import { describe, expect, it } from 'vitest';
import { parseOpenVex, serializeOpenVex, validateOpenVex } from '../../../src/standards/openvex';
import { listShared, readSharedJson, readSharedText } from '../formats/shared-data';

const ROOT = 'standards/openvex';

describe('OpenVEX 0.2.0: go-vex test data', () => {
  it('the 0.2.0 document parses and round-trips; older or partial documents are rejected with their problems', () => {
    const doc = parseOpenVex(readSharedText(`${ROOT}/go-vex_pkg_vex_testdata_v0.2.0.json`));
    expect(parseOpenVex(serializeOpenVex(doc))).toEqual(readSharedJson(`${ROOT}/go-vex_pkg_vex_testdata_v0.2.0.json`));
    const outcome: Record<string, string> = {};
    for (const f of listShared(ROOT).filter((x) => x.startsWith('go-vex_pkg_vex_testdata_'))) {
      const problems = validateOpenVex(readSharedJson(`${ROOT}/${f}`));
      outcome[f] =
        problems.length === 0
          ? 'valid'
          : `${problems.length} problems: ${problems
              .slice(0, 2)
              .map((p) => `${p.path} ${p.message}`)
              .join('; ')}`;
    }
    console.log('OpenVEX test data:', outcome);
    // v0.0.1 documents predate 0.2.0 (string version, vulnerability as a string); the v020-*.vex
    // fragments are merge inputs without timestamp and version.
    expect(
      Object.entries(outcome)
        .filter(([, o]) => o === 'valid')
        .map(([f]) => f),
    ).toEqual(['go-vex_pkg_vex_testdata_v0.2.0.json']);
    expect(outcome['go-vex_pkg_vex_testdata_v020-1.vex.json']).toMatch(/\/timestamp is required; \/version is required/);
  });
});
