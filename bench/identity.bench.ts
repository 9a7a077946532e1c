import ae from 'ae-cvss-calculator';
import { PackageURL } from 'packageurl-js';
import { matchCpe, parseCpe } from '../src/standards/cpe';
import { scoreCvss } from '../src/standards/cvss';
import { parsePurl } from '../src/standards/purl';
import { opsPerSecond, type BenchResult, type BenchSuite } from './harness';

const PURLS = [
  'pkg:npm/%40angular/animation@12.3.1',
  'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&type=zip',
  'pkg:pypi/django-package@1.11.1.dev1',
  'pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64&distro=jessie',
  'pkg:golang/github.com/gorilla/context@234fd47e07d1004f0aed9c#api',
];
const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:N/E:P/RL:O/RC:C',
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
  'CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:H/SC:L/SI:N/SA:N/E:P/CR:H',
];
const { Cvss3P1, Cvss4P0 } = ae;

/** Package identity and CVSS (issue 3): our wrappers against the libraries they wrap. */
export const suite: BenchSuite = {
  name: 'Package identity and CVSS (issue 3)',
  async run(): Promise<BenchResult[]> {
    const batch = PURLS.length;
    const baselinePurl = opsPerSecond(
      () => {
        for (const p of PURLS) PackageURL.fromString(p);
      },
      1000,
      batch,
    );
    const ourPurl = opsPerSecond(
      () => {
        for (const p of PURLS) parsePurl(p);
      },
      1000,
      batch,
    );
    const baselineCvss = opsPerSecond(
      () => {
        for (const v of VECTORS) (v.startsWith('CVSS:4') ? new Cvss4P0(v) : new Cvss3P1(v)).calculateScores();
      },
      1000,
      VECTORS.length,
    );
    const ourCvss = opsPerSecond(
      () => {
        for (const v of VECTORS) scoreCvss(v);
      },
      1000,
      VECTORS.length,
    );
    const source = parseCpe('cpe:2.3:a:microsoft:internet_explorer:8.*:*:*:*:*:*:*:*').wfn;
    const targets = [
      'cpe:/a:microsoft:internet_explorer:8.0.6001:beta',
      'cpe:/a:microsoft:office:2010',
      'cpe:2.3:a:microsoft:internet_explorer:9.0:*:*:*:*:*:*:*',
    ].map((c) => parseCpe(c).wfn);
    const cpeMatch = opsPerSecond(
      () => {
        for (const t of targets) matchCpe(source, t);
      },
      1000,
      targets.length,
    );
    return [
      {
        name: 'purl parse (parsePurl, type rules)',
        value: ourPurl,
        unit: 'ops/s',
        baseline: { name: 'packageurl-js PackageURL.fromString', value: baselinePurl },
        notes: 'ours also applies every type definition rule',
      },
      {
        name: 'CVSS parse + score (scoreCvss)',
        value: ourCvss,
        unit: 'ops/s',
        baseline: { name: 'ae-cvss-calculator direct', value: baselineCvss },
        notes: 'mix of 3.1 and 4.0 vectors; ours adds strict metric validation',
      },
      { name: 'CPE name match (NISTIR 7696, parsed WFNs)', value: cpeMatch, unit: 'ops/s' },
    ];
  },
};
