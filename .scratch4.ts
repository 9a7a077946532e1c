import { parseSarif, sarifFindings } from './src/standards/sarif';
import { readFileSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
const B='/work/shared/data/standards/sarif/';
const files = execSync(`find ${B}sarif-tutorials -name "*.sarif"`).toString().trim().split('\n');
for (const f of files) { try { const l = parseSarif(readFileSync(f,'utf8').replace(/^\uFEFF/,'')); console.log('OK', f.slice(B.length), sarifFindings(l).length); } catch (e: any) { console.log('FAIL', f.slice(B.length), e.message.slice(0,200)); } }
const I = B+'src/Test.FunctionalTests.Sarif/TestData/Multitool/ValidateCommand/Inputs/';
const E = I.replace('Inputs','ExpectedOutputs');
for (const f of readdirSync(I)) {
  let exp: string[] = [];
  try { const d = JSON.parse(readFileSync(E+f,'utf8').replace(/^\uFEFF/,'')); exp = d.runs.flatMap((r: any)=> (r.results??[]).filter((x:any)=>x.level==='error' && /^(SARIF1|JSON)/.test(x.ruleId)).map((x:any)=>x.ruleId)); } catch {}
  let got = 'OK';
  try { parseSarif(readFileSync(I+f,'utf8').replace(/^\uFEFF/,'')); } catch (e: any) { got = 'REJ ' + (e.problems?.length ?? '?') + ' ' + e.message.slice(0,120); }
  const expRej = exp.length > 0;
  if (expRej !== got.startsWith('REJ')) console.log('MISMATCH', f, 'expected', [...new Set(exp)].join(','), '| got', got);
}
