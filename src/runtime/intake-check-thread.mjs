// The intake thread's entry (intake-checker.ts): the sources are TypeScript, so the thread
// registers tsx's loader as bin/aisc.mjs does, then runs the thread's code.
import { register } from 'tsx/esm/api';

register();
await import('./intake-check-thread.ts');
