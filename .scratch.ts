import { parseCycloneDx } from './src/standards/cyclonedx/parse';
import { FormatError } from './src/standards/problem';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
const D = '/work/shared/data/standards/cyclonedx/tools/src/test/resources/';
let bad: string[] = []; let n = 0, twinsEq = 0, twinsNe: string[] = [];
for (const v of ['1.5','1.6','1.7']) for (const f of readdirSync(D+v).filter(f=>/\.(json|xml)$/.test(f))) {
  n++;
  const expectValid = f.startsWith('valid');
  try {
    const d = parseCycloneDx(readFileSync(D+v+'/'+f,'utf8'));
    if (!expectValid) bad.push(`${v}/${f} ACCEPTED`);
    if (f.endsWith('.xml') && existsSync(D+v+'/'+f.replace(/\.xml$/,'.json'))) {
      const j = parseCycloneDx(readFileSync(D+v+'/'+f.replace(/\.xml$/,'.json'),'utf8')).bom as any;
      const x = d.bom as any;
      const strip = (o: any) => { const { $schema, ...r } = o; return r; };
      if (isDeepStrictEqual(strip(j), strip(x))) twinsEq++; else twinsNe.push(`${v}/${f}`);
    }
  } catch (e) {
    if (!(e instanceof FormatError)) { bad.push(`${v}/${f} CRASH ${e}`); continue; }
    if (expectValid) bad.push(`${v}/${f} REJECTED ${JSON.stringify(e.problems.slice(0,3))}`);
  }
}
console.log(n, 'bad', bad.length); console.log(bad.join('\n')); console.log('twins eq', twinsEq, 'ne', twinsNe.length, twinsNe.slice(0,50).join(' '));
