import { afterAll, beforeAll } from 'vitest';
import { freshDatabase, type TestDatabase } from './databases';

/**
 * One migrated database for the tests of a file (creating one takes seconds, more on a loaded
 * machine): made before the first test, closed (and on PostgreSQL dropped) after the last. It
 * holds no scenario: each test makes its own organisations and records with the factories, so a
 * test runs alone or in any order. Call it inside the `describe` that names the driver.
 */
export function databasePerFile(driver: 'pglite' | 'postgres'): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await freshDatabase(driver);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error('the database of this file is made in beforeAll');
    return t;
  };
}
