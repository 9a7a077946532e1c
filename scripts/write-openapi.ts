import { writeFileSync } from 'node:fs';
import { openApiDocument, openApiText } from '../src/runtime/openapi';
import { clientTypesText } from './openapi-client-types';

// `npm run openapi`: regenerates docs/openapi.json from the routes, and the typed client's types from it.
const doc = await openApiDocument();
writeFileSync('docs/openapi.json', openApiText(doc));
writeFileSync('src/client/openapi.ts', await clientTypesText(JSON.parse(openApiText(doc))));
console.log('wrote docs/openapi.json and src/client/openapi.ts');
