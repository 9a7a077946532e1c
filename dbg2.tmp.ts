import { readFileSync } from 'node:fs';
import Ajv from 'ajv'; import addFormats from 'ajv-formats';
const schema = JSON.parse(readFileSync('src/standards/cve5/schema/cve5-vulnogram.json','utf8'));
const ajv = new (Ajv as any)({strict:false, allErrors:true}); ajv.removeKeyword('id'); (addFormats as any)(ajv);
for (const f of ['CVE-2017-4024_published','datePublic']) {}
for (const n of ['radio','checkbox','datetime','gird','grid','languagePicker','object','simplehtml','ssvcOpts','string','table','taglist','textarea','CPEA','CVSS']) ajv.addFormat(n,true);
ajv.addSchema({}, 'https://cve.org/users/list/json'); ajv.addSchema({}, 'https://cve.org/cve/record/v5_00/js/cwe-all.json'); ajv.addSchema({}, 'https://cve.org/cve/record/v5_00/js/capec.json');
const v = ajv.compile(schema);
v(JSON.parse(readFileSync('/work/shared/data/standards/cve5/cve-services/test/schemas/5.0/' + process.argv[2],'utf8')));
for (const e of v.errors) console.log(e.schemaPath, e.instancePath, e.message, JSON.stringify(e.params));
