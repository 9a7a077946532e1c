import { describe, it } from 'vitest';
import { parseSarif, sarifFindings } from '../../../src/standards/sarif';
import { assertOnlyFormatErrors, fuzzInputs, jsonTexts } from '../fuzz';

const seed = JSON.stringify({
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'T', rules: [{ id: 'R1', messageStrings: { m: { text: 'x {0}' } } }] } },
      artifacts: [{ location: { uri: 'a.c' } }],
      results: [
        {
          ruleId: 'R1',
          ruleIndex: 0,
          message: { id: 'm', arguments: ['y'] },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'a.c', index: 0 },
                region: { startLine: 1, endLine: 2 },
                contextRegion: { startLine: 1, endLine: 3 },
              },
            },
          ],
          codeFlows: [{ threadFlows: [{ locations: [{ location: { physicalLocation: { artifactLocation: { uri: 'sarif:/runs/0' } } } }] }] }],
        },
      ],
    },
  ],
});

describe('SARIF parser under fuzzing', () => {
  it('only returns a log (whose findings read) or throws FormatError', () => {
    const counts = assertOnlyFormatErrors((text) => sarifFindings(parseSarif(text)), fuzzInputs([seed], jsonTexts({ version: '2.1.0', runs: [] })));
    console.info('SARIF fuzz:', counts);
  });
});
