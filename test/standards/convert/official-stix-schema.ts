import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import { sharedDataPath } from '../formats/shared-data';

type AnyFn = (...args: never[]) => unknown;
const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;

/**
 * Compiles the complete official STIX 2.1 bundle schema (every file under
 * test/vectors/standards/stix/schemas), independent of the subset the module vendors.
 */
export function officialStixBundleValidator(): (value: unknown) => { valid: boolean; errors: unknown } {
  const Ajv = interop(Ajv2020Module) as unknown as new (
    o: object,
  ) => { addSchema(s: object): void; getSchema(id: string): ((v: unknown) => boolean) & { errors?: unknown } };
  const ajv = new Ajv({ strict: false, allErrors: false, unicodeRegExp: false });
  (interop(addFormatsModule) as unknown as AnyFn as (a: unknown) => void)(ajv);
  const root = sharedDataPath('standards/stix/schemas');
  let bundleId = '';
  for (const dir of readdirSync(root)) {
    for (const file of readdirSync(`${root}/${dir}`)) {
      const schema = JSON.parse(readFileSync(`${root}/${dir}/${file}`, 'utf8')) as { $id: string };
      ajv.addSchema(schema);
      if (dir === 'common' && file === 'bundle.json') bundleId = schema.$id;
    }
  }
  const validate = ajv.getSchema(bundleId)!;
  return (value) => ({ valid: validate(value), errors: validate.errors });
}
