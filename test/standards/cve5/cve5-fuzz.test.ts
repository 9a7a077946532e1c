import { parseCve5 } from '../../../src/standards/cve5';
import { describeParserFuzz } from '../json-schema/fuzz-helper';

describeParserFuzz('parseCve5', (text) => parseCve5(text), [
  'standards/cve5/cve-services/test-http/src/test/cve_tests/cve_record_fixtures/CVE-2021-0005_published.json',
  'standards/cve5/cve-services/test-http/src/test/cve_tests/cve_record_fixtures/CVE-2009-0009_rejected.json',
]);
