// The intake thread's entry (src/services/intake/checker.ts): the sources are TypeScript,
// so the thread registers tsx's loader as bin/aisc.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('../src/services/intake/check-thread.ts');
