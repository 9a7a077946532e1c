import { parseSarif } from './src/standards/sarif';
import { readFileSync } from 'node:fs';
const I = '/work/shared/data/standards/sarif/src/Test.FunctionalTests.Sarif/TestData/Multitool/ValidateCommand/Inputs/';
for (const f of process.argv.slice(2)) { try { parseSarif(readFileSync(I+f,'utf8').replace(/^\uFEFF/,'')); } catch (e: any) { console.log(f, JSON.stringify(e.problems, null, 0).slice(0, 900)); } }
