// Types for the parts of @secvisogram/csaf-validator-lib (plain JavaScript) the tests use.
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, (doc: unknown) => unknown>;
  export = tests;
}
declare module '@secvisogram/csaf-validator-lib/validate.js' {
  export interface TestResult {
    name: string;
    isValid: boolean;
    errors: unknown[];
    warnings: unknown[];
    infos: unknown[];
  }
  export default function validate(tests: readonly ((doc: unknown) => unknown)[], doc: unknown): Promise<{ isValid: boolean; tests: TestResult[] }>;
}
