import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/config/config';

describe('documentation stays true', () => {
  const readme = readFileSync('README.md', 'utf8');
  it('the README shows the two commands first', () => {
    expect(readme.indexOf('npm install && npm start')).toBeGreaterThan(0);
    expect(readme.indexOf('npm install && npm start')).toBeLessThan(readme.indexOf('## PostgreSQL'));
    expect(readme).toContain('npm test');
  });
  it('the README documents every configuration variable', () => {
    for (const v of CONFIG_VARIABLES) expect(readme, v.name).toContain(`| \`${v.name}\` | \`${v.default}\` |`);
  });
});
