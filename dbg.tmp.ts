import { readFileSync } from 'node:fs';
import { osvToCve5 } from './src/standards/convert';
import { validateCve5 } from './src/standards/cve5';
let n=0, nocve=0, bad=0; const paths: Record<string, number> = {};
for (const f of ['go-vulndb','pypa','rustsec']) for (const l of readFileSync(`/work/shared/data/advisories/${f}.osv.ndjson`,'utf8').split('\n').filter(Boolean)) {
  n++; let rec; try { rec = osvToCve5(JSON.parse(l)); } catch { nocve++; continue; }
  const p = validateCve5(rec); if (p.length) { bad++; for (const x of p) { const k = x.path.replace(/\d+/g,'N') + ' ' + x.message.slice(0,80); paths[k] = (paths[k]??0)+1; } }
}
console.log(n, 'nocve', nocve, 'bad', bad, paths);
