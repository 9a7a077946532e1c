import { parseOsv } from '../../../src/standards/osv';
import { describeParserFuzz } from '../json-schema/fuzz-helper';

describeParserFuzz('parseOsv', (text) => parseOsv(text), [
  'standards/osv/tools_osv-linter_testdata/GO-2020-0001.json',
  'standards/osv/tools_ghsa_testdata/full_ranges.osv.json',
]);

describeParserFuzz('parseOsv { strictCommits: false }', (text) => parseOsv(text, { strictCommits: false }), [
  'standards/osv/tools_osv-linter_testdata/GO-2020-0001.json',
  'standards/osv/tools_ghsa_testdata/full_ranges.osv.json',
]);
