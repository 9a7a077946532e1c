import { parseCycloneDx, cycloneDxInventory } from './src/standards/cyclonedx';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
const D = '/work/shared/data/standards/cyclonedx/tools/src/test/resources/';
for (const f of process.argv.slice(2)) {
  const x = cycloneDxInventory(parseCycloneDx(readFileSync(D+f,'utf8')).bom);
  const j = cycloneDxInventory(parseCycloneDx(readFileSync(D+f.replace('.xml','.json'),'utf8')).bom);
  console.log(f, JSON.stringify(x.components).slice(0,400)); console.log(f, JSON.stringify(j.components).slice(0,400));
  console.log(JSON.stringify(x.dependencies), JSON.stringify(j.dependencies));
}
