import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCycloneDx } from '../../../src/standards/cyclonedx';
import { parseSpdx } from '../../../src/standards/spdx';
import { cli } from '../../helpers/cli';
import { dataFiles } from '../data';

const aisc = (...argv: string[]) => cli(argv, {});

const cdx = dataFiles('cyclonedx/tools/src/test/resources/1.6', /^valid-bom-1\.6\.(json|xml)$/);
const sarif = dataFiles('sarif/sarif-tutorials/samples/3-Beyond-basics', /^standard-taxonomy\.sarif$/);
const spdx = dataFiles('spdx/spdx-spec-2.3', /^SPDXTagExample-v2\.3\.spdx$/);

describe('aisc validate / convert for SARIF, CycloneDX and SPDX', () => {
  it('finds its input documents among the vectors', () => {
    expect([cdx.length, sarif.length, spdx.length]).toEqual([2, 1, 1]);
  });

  it('validates each format and reports problems of a bad document with their path', async () => {
    for (const [format, file] of [
      ['sarif', sarif[0]!],
      ['cyclonedx', cdx[0]!],
      ['cyclonedx', cdx[1]!],
      ['spdx', spdx[0]!],
    ] as const) {
      expect({ format, file, code: (await aisc('validate', '--format', format, file)).code }).toEqual({ format, file, code: 0 });
    }
    const bad = await aisc('validate', '--format', 'cyclonedx', dataFiles('cyclonedx/tools/src/test/resources/1.6', /^invalid-component-type-1\.6\.json$/)[0]!);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('/components/0/type');
  });

  it('converts SARIF to findings JSON', async () => {
    const result = await aisc('convert', '--from', 'sarif', '--to', 'findings', sarif[0]!);
    expect(result.code).toBe(0);
    const findings = JSON.parse(result.stdout) as Array<{ weaknesses: string[]; tool: { name: string } }>;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.weaknesses).toEqual(['CWE-401']);
    expect(findings[0]!.tool.name).toBe('CodeScanner');
  });

  it('converts CycloneDX XML to SPDX and back to CycloneDX, each output valid', async () => {
    const toSpdx = await aisc('convert', '--from', 'cyclonedx', '--to', 'spdx', cdx.find((f) => f.endsWith('.xml'))!);
    expect(toSpdx.code).toBe(0);
    const spdxDocument = parseSpdx(toSpdx.stdout);
    expect(spdxDocument.specVersion).toBe('2');
    const path = join(mkdtempSync(join(tmpdir(), 'aisc-inventory-')), 'out.spdx.json');
    writeFileSync(path, toSpdx.stdout);
    const back = await aisc('convert', '--from', 'spdx', '--to', 'cyclonedx', path);
    expect(back.code).toBe(0);
    const bom = parseCycloneDx(back.stdout).bom;
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components?.length).toBeGreaterThan(0);
  });
});
