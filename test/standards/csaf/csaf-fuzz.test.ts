import { parseCsaf } from '../../../src/standards/csaf';
import { describeParserFuzz } from '../json-schema/fuzz-helper';

describeParserFuzz('parseCsaf', (text) => parseCsaf(text), [
  'standards/csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-na-001.json',
  'standards/csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json',
]);
