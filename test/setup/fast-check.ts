import fc from 'fast-check';

// Property tests run with one fixed seed so CI is deterministic; set FC_SEED to explore others
// (a failure prints its seed and path for replay).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_126) });
