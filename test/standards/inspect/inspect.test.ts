import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkInspectVersion,
  detectInspectFormat,
  INSPECT_LOG_VERSIONS,
  readInspectEval,
  readInspectJson,
  archiveNameProblem,
} from '../../../src/standards/inspect';
import { FormatError } from '../../../src/standards/problem';
import { vectorPath } from '../../helpers/vectors';
import { EXPECTED, SAMPLE_FILES } from './expected';

const bytesOf = (name: string) => readFileSync(vectorPath(`standards/inspect/${name}`));
const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof FormatError) return err.problems;
    throw err;
  }
  throw new Error('expected a FormatError');
};
const json = (doc: unknown) => Buffer.from(JSON.stringify(doc));
const minimal = (over: Record<string, unknown> = {}) => ({
  version: 2,
  status: 'success',
  eval: { run_id: 'r', task: 't', task_version: 'v3', model: 'm/x', dataset: { name: 'd', samples: 2 } },
  results: { total_samples: 2, completed_samples: 2, scores: [] },
  stats: { started_at: '2026-01-01T00:00:00Z', completed_at: '2026-01-01T00:01:30Z', model_usage: {} },
  ...over,
});

describe('Inspect logs (standards/inspect)', () => {
  it.each(SAMPLE_FILES.filter((f) => f.endsWith('.json')))('summarises the public sample %s as read by hand', (file) => {
    expect(detectInspectFormat(bytesOf(file))).toBe('json');
    expect(readInspectJson(bytesOf(file))).toMatchObject(EXPECTED[file]);
  });

  it('tells the two formats apart by their bytes, and names what is neither', () => {
    expect(detectInspectFormat(bytesOf('log_formats.eval'))).toBe('eval');
    expect(detectInspectFormat(Buffer.from('\uFEFF  {"version":2}'))).toBe('json');
    expect(problemsOf(() => detectInspectFormat(Buffer.from('%PDF-1.7')))[0]!.message).toMatch(/neither an Inspect JSON log/);
    expect(problemsOf(() => detectInspectFormat(Buffer.alloc(0)))[0]!.message).toBe('is empty');
  });

  it('refuses an unknown format version, naming it and the versions it reads', () => {
    const p = problemsOf(() => readInspectJson(json(minimal({ version: 3 }))));
    expect(p).toEqual([{ path: '/version', message: `unsupported Inspect log format version 3 (supported versions: ${INSPECT_LOG_VERSIONS.join(', ')})` }]);
    expect(problemsOf(() => checkInspectVersion(undefined))[0]!.message).toMatch(/is missing/);
    expect(problemsOf(() => checkInspectVersion('2'))[0]!.message).toMatch(/version "2"/);
  });

  it('names a truncated log and one that is not JSON', () => {
    const whole = bytesOf('log_read_sample.json');
    expect(problemsOf(() => readInspectJson(whole.subarray(0, 5000)))[0]!.message).toMatch(/^is truncated/);
    expect(problemsOf(() => readInspectJson(Buffer.from('{"version": 2,, }')))[0]!.message).toMatch(/^is not valid JSON/);
    expect(problemsOf(() => readInspectJson(Buffer.from([0x7b, 0xff, 0xfe])))[0]!.message).toBe('is not UTF-8 text');
  });

  it('names every bad field of a header at once', () => {
    const p = problemsOf(() =>
      readInspectJson(json(minimal({ status: 'done', eval: { run_id: 'r', model: 7, dataset: { samples: -1 } }, stats: { started_at: 'yesterday' } }))),
    );
    expect(p.map((x) => x.path).sort()).toEqual(['/eval/dataset/samples', '/eval/model', '/eval/task', '/stats/started_at', '/status']);
  });

  it('reads a version 1 log (one scorer with metrics beside it), task versions as text, and counts sample errors', () => {
    const v1 = minimal({
      version: 1,
      results: { scorer: { name: 'match', params: {} }, metrics: { accuracy: { name: 'accuracy', value: 0.25 }, bad: { name: 'bad', value: null } } },
      samples: [{ id: 1, error: { message: 'boom' } }, { id: 2 }],
    });
    const s = readInspectJson(json(v1));
    expect(s.scores).toEqual([{ name: 'match', scorer: 'match', reducer: null, metrics: { accuracy: 0.25, bad: null } }]);
    expect(s).toMatchObject({ version: 1, taskVersion: 'v3', samplesInLog: 2, sampleErrors: 1, totalSamples: 2, completedSamples: 1, durationSeconds: 90 });
  });

  it('keeps the log error and each scorer’s reducer', () => {
    const s = readInspectJson(
      json(
        minimal({
          status: 'error',
          error: { message: 'RuntimeError: sandbox died', traceback: '…' },
          results: {
            total_samples: 4,
            completed_samples: 1,
            scores: [{ name: 'f1', scorer: 'f1', reducer: 'mean', metrics: { mean: { name: 'mean', value: 0.5 } } }],
          },
        }),
      ),
    );
    expect(s).toMatchObject({ status: 'error', error: 'RuntimeError: sandbox died', totalSamples: 4, completedSamples: 1 });
    expect(s.scores[0]).toEqual({ name: 'f1', scorer: 'f1', reducer: 'mean', metrics: { mean: 0.5 } });
  });

  it('summarises an .eval from its header and summaries, never needing a sample body', () => {
    const log = minimal();
    const s = readInspectEval({
      entries: new Map<string, unknown>([
        ['header.json', log],
        [
          'summaries.json',
          [
            { id: 1, epoch: 1 },
            { id: 2, epoch: 1, error: 'x' },
          ],
        ],
      ]),
      names: ['header.json', 'summaries.json', 'samples/1_epoch_1.json', 'samples/2_epoch_1.json'],
    });
    expect(s).toMatchObject({ format: 'eval', task: 't', samplesInLog: 2, sampleErrors: 1, totalSamples: 2 });
  });

  it('reads a run still going from the journal (status started; samples from the journal summaries in order)', () => {
    const { results: _r, stats: _s, status: _t, ...start } = minimal();
    const s = readInspectEval({
      entries: new Map<string, unknown>([
        ['_journal/start.json', start],
        ['_journal/summaries/2.json', [{ id: 3, epoch: 1 }]],
        [
          '_journal/summaries/1.json',
          [
            { id: 1, epoch: 1 },
            { id: 2, epoch: 1 },
          ],
        ],
      ]),
      names: [],
    });
    expect(s).toMatchObject({ status: 'started', samplesInLog: 3, totalSamples: 3, completedSamples: 3, scores: [], startedAt: null });
  });

  it('names an .eval with neither header nor journal, and problems inside an entry by its name', () => {
    expect(problemsOf(() => readInspectEval({ entries: new Map(), names: ['samples/1_epoch_1.json'] }))[0]!.message).toMatch(/neither header.json nor/);
    const p = problemsOf(() => readInspectEval({ entries: new Map<string, unknown>([['header.json', minimal({ version: 99 })]]), names: [] }));
    expect(p[0]).toEqual({ path: '/header.json/version', message: expect.stringContaining('version 99') });
  });

  it('refuses unsafe entry names', () => {
    expect(archiveNameProblem('samples/1_epoch_1.json')).toBeNull();
    expect(archiveNameProblem('../../etc/passwd')).toMatch(/climbs out/);
    expect(archiveNameProblem('samples/../../x.json')).toMatch(/climbs out/);
    expect(archiveNameProblem('/etc/passwd')).toMatch(/absolute/);
    expect(archiveNameProblem('C:/x.json')).toMatch(/absolute/);
    expect(archiveNameProblem('a\\b.json')).toMatch(/backslash/);
  });
});
