import { parseOpenVex } from '../../../src/standards/openvex';
import { describeParserFuzz } from '../json-schema/fuzz-helper';

describeParserFuzz('parseOpenVex', (text) => parseOpenVex(text), ['standards/openvex/go-vex_pkg_vex_testdata_v0.2.0.json']);
