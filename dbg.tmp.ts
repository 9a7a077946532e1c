import { readFileSync } from 'node:fs';
import { csafToOsv, osvToCsaf, osvToCve5, cve5ToOsv } from './src/standards/convert';
import { validateOsv } from './src/standards/osv';
const l = readFileSync('/work/shared/data/advisories/go-vulndb.osv.ndjson','utf8').split('\n').find(x=>x.includes('"GO-2023-1497"'))!;
const r = JSON.parse(l); console.log(JSON.stringify(r.affected.map((a:any)=>[a.package, a.ranges])));
const b = csafToOsv(osvToCsaf(r))[0]; console.log(JSON.stringify(b.affected));
const rs = readFileSync('/work/shared/data/advisories/rustsec.osv.ndjson','utf8').split('\n').filter(Boolean).map(x=>JSON.parse(x)).filter((x:any)=>x.aliases?.some((a:string)=>a.startsWith('CVE-')));
for (const x of rs.slice(0,300)) { const o = cve5ToOsv(osvToCve5(x)); const p = validateOsv(o); if (p.length) { console.log(x.id, p); break; } }
