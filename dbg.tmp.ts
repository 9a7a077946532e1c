import { readFileSync, readdirSync } from 'node:fs';
import { validateStixBundle, uuidV5, tlpMarkingDefinition } from './src/standards/stix';
console.log(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8','www.example.com'));
for (const dir of ['examples','validator-v21','interop']) { const d='/work/shared/data/standards/stix/'+dir;
for (const f of readdirSync(d).filter(f=>f.endsWith('.json'))) { let v; try { v = JSON.parse(readFileSync(`${d}/${f}`,'utf8')); } catch { console.log(dir,f,'BAD JSON'); continue; } console.log(dir, f, v.type, JSON.stringify(validateStixBundle(v)).slice(0,200)); } }
console.log(validateStixBundle({type:'bundle', id:'bundle--63ab8e67-acac-4817-845a-d09f0e86954c', objects:[tlpMarkingDefinition('TLP:RED')]}));
