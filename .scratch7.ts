import { readXml } from './src/standards/xml';
for (const n of [2,3,4]) { try { readXml('<a>'.repeat(n)+'</a>'.repeat(n), 't', {maxBytes: 1000, maxDepth: 3}); console.log(n,'ok'); } catch (e: any) { console.log(n, e.message); } }
