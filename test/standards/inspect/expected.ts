/**
 * What each public sample log holds, read by hand from the files in test/vectors/standards/inspect
 * (the .gz one unpacked): each value's place in the file is named beside it.
 */
export const EXPECTED = {
  '2025-05-12T20-28-26-04-00_security-guide.json': {
    format: 'json',
    version: 2, // "version": 2 (first line)
    evalId: 'f9WtbTGsrMUNXppXPbR9sq', // eval.eval_id
    runId: 'SGXvsm4KEQwf7JZmPLCGZF', // eval.run_id
    task: 'security_guide', // eval.task
    taskVersion: '0', // eval.task_version: 0
    model: 'openai/gpt-4o-mini', // eval.model
    dataset: { name: 'security_guide', location: 'example://security_guide', samples: 16 }, // eval.dataset
    status: 'success', // status
    totalSamples: 3, // results.total_samples
    completedSamples: 3, // results.completed_samples
    samplesInLog: 3, // samples[] has ids 1, 2, 3
    sampleErrors: 0, // no sample has "error"
    error: null,
    scores: [{ name: 'model_graded_fact', scorer: 'model_graded_fact', reducer: null, metrics: { accuracy: 1, stderr: 0 } }], // results.scores[0]
    usage: [{ model: 'openai/gpt-4o-mini', inputTokens: 959, outputTokens: 1033, totalTokens: 1992 }], // stats.model_usage
    startedAt: '2025-05-12T20:28:26-04:00', // stats.started_at
    completedAt: '2025-05-12T20:28:36-04:00', // stats.completed_at
    durationSeconds: 10,
  },
  'log_formats.json': {
    format: 'json',
    version: 2,
    evalId: null, // eval has no eval_id (an older writer)
    runId: 'BpiPFmbVcMCRUAXv8ovCTx',
    task: 'popularity',
    taskVersion: '0',
    model: 'ollama/llama3.1',
    dataset: { name: 'popularity', location: 'example://popularity', samples: 100 },
    status: 'success',
    totalSamples: 1,
    completedSamples: 1,
    samplesInLog: 1,
    sampleErrors: 0,
    error: null,
    scores: [{ name: 'match', scorer: 'match', reducer: null, metrics: { accuracy: 0, stderr: 0 } }], // results.scores[0].metrics: 0.0, 0.0
    usage: [{ model: 'ollama/llama3.1', inputTokens: 66, outputTokens: 2, totalTokens: 68 }],
    startedAt: '2024-10-15T12:53:13-04:00',
    completedAt: '2024-10-15T12:53:13-04:00',
    durationSeconds: 0,
  },
  'log_read_sample.json': {
    format: 'json',
    version: 2,
    evalId: 'hj8C8q8gxzHhwyCT67xh4L',
    runId: 'XmHATth6rmyTfFuHGKdQRd',
    task: 'popularity',
    taskVersion: '0',
    model: 'ollama/gemma3',
    dataset: { name: 'popularity', location: 'example://popularity', samples: 100 },
    status: 'success',
    totalSamples: 1,
    completedSamples: 1,
    samplesInLog: 1,
    sampleErrors: 0,
    error: null,
    scores: [{ name: 'match', scorer: 'match', reducer: null, metrics: { accuracy: 1, stderr: 0 } }],
    usage: [{ model: 'ollama/gemma3', inputTokens: 66, outputTokens: 3, totalTokens: 69 }],
    startedAt: '2025-07-05T09:59:40-04:00',
    completedAt: '2025-07-05T09:59:43-04:00',
    durationSeconds: 3,
  },
  'log_tool_call_error.json': {
    format: 'json',
    version: 2,
    evalId: null,
    runId: '...', // the file's ids are elided as "..."
    task: '...',
    taskVersion: '0',
    model: '...',
    dataset: { name: '...', location: '.', samples: 1 },
    status: 'success',
    totalSamples: 4, // results.total_samples: 4 (one sample, epoch 4 in samples[0])
    completedSamples: 4,
    samplesInLog: 1,
    sampleErrors: 0, // the tool call's error is in the transcript, not the sample's error
    error: null,
    scores: [{ name: 'includes', scorer: 'includes', reducer: null, metrics: { accuracy: 1, stderr: 0 } }],
    usage: [{ model: '...', inputTokens: 1, outputTokens: 1, totalTokens: 1 }],
    startedAt: '2025-02-07T00:00:00+00:00',
    completedAt: '2025-02-07T00:00:00+00:00',
    durationSeconds: 0,
  },
  // header.json of the archive (entries: _journal/start.json, samples/1_epoch_1.json, _journal/summaries/1.json,
  // summaries.json, reductions.json, header.json): the same run as log_formats.json
  'log_formats.eval': {
    format: 'eval',
    version: 2,
    evalId: null,
    runId: 'BpiPFmbVcMCRUAXv8ovCTx',
    task: 'popularity',
    taskVersion: '0',
    model: 'ollama/llama3.1',
    dataset: { name: 'popularity', location: 'example://popularity', samples: 100 },
    status: 'success',
    totalSamples: 1,
    completedSamples: 1,
    samplesInLog: 1, // summaries.json has one summary
    sampleErrors: 0,
    error: null,
    scores: [{ name: 'match', scorer: 'match', reducer: null, metrics: { accuracy: 0, stderr: 0 } }],
    usage: [{ model: 'ollama/llama3.1', inputTokens: 66, outputTokens: 2, totalTokens: 68 }],
    startedAt: '2024-10-15T12:53:13-04:00',
    completedAt: '2024-10-15T12:53:13-04:00',
    durationSeconds: 0,
  },
} as const;

export const SAMPLE_FILES = Object.keys(EXPECTED) as (keyof typeof EXPECTED)[];
