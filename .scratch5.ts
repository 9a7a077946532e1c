import { parseSarif } from './src/standards/sarif';
import { readFileSync, readdirSync } from 'node:fs';
const B='/work/shared/data/standards/sarif/';
const I = B+'src/Test.FunctionalTests.Sarif/TestData/Multitool/ValidateCommand/Inputs/';
const E = I.replace('Inputs','ExpectedOutputs');
const toPtr = (p: string) => '/' + p.replace(/\[(\d+)\]/g, '.$1').split('.').join('/');
for (const f of readdirSync(I)) {
  let exp: string[] = [];
  try { const d = JSON.parse(readFileSync(E+f,'utf8').replace(/^\uFEFF/,'')); exp = d.runs.flatMap((r: any)=> (r.results??[]).filter((x:any)=>x.level==='error' && /^(SARIF1|JSON)/.test(x.ruleId)).map((x:any)=>toPtr(x.message.arguments?.[0] ?? ''))); } catch {}
  let got: string[] | null = null;
  try { parseSarif(readFileSync(I+f,'utf8').replace(/^\uFEFF/,'')); } catch (e: any) { got = (e.problems ?? []).map((p: any) => p.path); }
  const missing = exp.filter(p => !(got ?? []).includes(p));
  console.log(f.padEnd(70), exp.length ? `exp ${exp.length} missing ${missing.length} ${[...new Set(missing)].slice(0,4).join(' ')}` : '', got ? `REJ ${got.length}` : 'OK');
}
