import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/logger';
import { checkItems, type RawItem } from '../../src/services/intake/check-items';
import { ThreadChecker } from '../../src/runtime/intake-checker';
import { aiFinding } from './world';

// A chunk with every kind of item: valid (as text and as a value), invalid, unparseable, unreadable.
const CHUNK: RawItem[] = [
  { index: 0, text: JSON.stringify(aiFinding()) },
  { index: 1, value: aiFinding({ location: { file: 'src/other.c', line: 7, function: 'other' } }) },
  { index: 2, text: JSON.stringify(aiFinding({ weakness: { cwe: 'CWE-999999' }, severity: { cvss: 'CVSS:3.1/AV:Q' } })) },
  { index: 3, text: '{"title": "cut off' },
  { index: 4, problem: 'item over the size limit' },
];
const chunk = (): RawItem[] => structuredClone(CHUNK);

describe('the intake thread', () => {
  let checker: ThreadChecker | null = null;
  afterEach(async () => {
    await checker?.close();
    checker = null;
  });

  it('answers exactly what checking inline answers, signatures included', async () => {
    checker = new ThreadChecker(createLogger('silent'));
    const [threaded, again] = await Promise.all([checker.check(chunk(), 'req-1'), checker.check(chunk().slice(0, 2), null)]);
    const inline = checkItems(chunk(), 'req-1');
    expect(threaded).toEqual(inline);
    expect(threaded.map((c) => c.item.ok)).toEqual([true, true, false, false, false]);
    expect(threaded[0]!.prepared!.signature).toBeInstanceOf(Uint32Array);
    expect(threaded[3]!.item).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^not valid JSON/) }] });
    expect(again.map((c) => c.item.ok && c.item.finding.idempotencyKey)).toEqual([null, null]);
  });

  it('checks inline when the thread is gone, losing no chunk', async () => {
    checker = new ThreadChecker(createLogger('silent'));
    const inFlight = checker.check(chunk(), null);
    await (checker as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect(await inFlight).toEqual(checkItems(chunk(), null));
    expect(await checker.check(chunk(), null)).toEqual(checkItems(chunk(), null));
  });
});
