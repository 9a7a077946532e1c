import { type PracticeCatalogue, validatePracticeCatalogue } from '../practice-catalogue';
import v20261201 from './aisc-voluntary-practices-2026-12-01.json' with { type: 'json' };

function checked(doc: unknown): PracticeCatalogue {
  const parsed = validatePracticeCatalogue(doc);
  if (!parsed.ok) throw new Error(`a shipped practice catalogue is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.catalogue;
}

/**
 * The catalogue versions AISC ships (issue 12), oldest first. They are data, checked at load by
 * the same validator as a version an administrator adds (ADR 0105), and seeded into the
 * database at every start.
 */
export const BUILT_IN_PRACTICE_CATALOGUES: readonly PracticeCatalogue[] = [v20261201].map(checked);
