import { writeFileSync } from 'node:fs';
import { openApiDocument, openApiText } from '../src/runtime/openapi';

// `npm run openapi`: regenerates docs/openapi.json from the routes.
writeFileSync('docs/openapi.json', openApiText(await openApiDocument()));
console.log('wrote docs/openapi.json');
