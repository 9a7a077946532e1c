import { parseSpdx } from './src/standards/spdx/parse';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const files = execSync('find /work/shared/data/standards/spdx -type f \\( -name "*.json" -o -name "*.spdx" \\) ! -name "spdx-schema.json" ! -name "*context*"').toString().trim().split('\n');
for (const f of files) { try { const d = parseSpdx(readFileSync(f,'utf8')); console.log('OK', d.specVersion, d.serialization, f.replace('/work/shared/data/standards/spdx/','')); } catch (e: any) { console.log('FAIL', f.replace('/work/shared/data/standards/spdx/',''), e.message, JSON.stringify(e.problems?.slice(0,3))); } }
