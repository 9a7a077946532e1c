import { parentPort } from 'node:worker_threads';
import { checkItems, type RawItem } from '../services/intake/check-items';

// The intake thread (intake-checker.ts): answers each chunk with its checked items. Signatures'
// buffers are handed over, not copied.
parentPort!.on('message', (m: { id: number; raw: RawItem[]; requestKey: string | null }) => {
  try {
    const checked = checkItems(m.raw, m.requestKey);
    parentPort!.postMessage(
      { id: m.id, checked },
      checked.flatMap((c) => (c.prepared ? [c.prepared.signature.buffer as ArrayBuffer] : [])),
    );
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
