import { parseStixBundle } from '../../../src/standards/stix';
import { describeParserFuzz } from '../json-schema/fuzz-helper';

describeParserFuzz('parseStixBundle', (text) => parseStixBundle(text), [
  'standards/stix/examples/indicator-for-c2-ip-address.json',
  'standards/stix/validator-v21/tlp-amber.json',
]);
