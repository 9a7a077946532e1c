import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import validate from '@secvisogram/csaf-validator-lib/validate.js';

/** Every CSAF 2.0 §6.1 mandatory test as implemented by BSI's csaf-validator-lib. */
export const MANDATORY_TESTS = Object.values(mandatoryTests);

/** Runs all mandatory tests on a document. */
export function runMandatoryTests(doc: unknown) {
  return validate(MANDATORY_TESTS, doc);
}
