import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument, openApiText } from '../../src/runtime/openapi';
import { clientTypesText } from '../../scripts/openapi-client-types';

describe('OpenAPI document', () => {
  it('the committed docs/openapi.json is current (run `npm run openapi` after changing routes)', async () => {
    const doc = (await openApiDocument()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/session', '/api/organisations', '/api/tokens', '/api/webhooks/{id}/deliveries', '/api/audit', '/api/notes/{id}']),
    );
    expect(readFileSync('docs/openapi.json', 'utf8')).toBe(openApiText(doc));
    // The typed client the UI and the CLI share is generated from the same document.
    expect(readFileSync('src/client/openapi.ts', 'utf8')).toBe(await clientTypesText(JSON.parse(openApiText(doc))));
  });
});
