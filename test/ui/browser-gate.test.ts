import { describe, expect, it } from 'vitest';
import { browserGate } from './browser';

describe('the browser tests gate', () => {
  it('runs them when Chromium is there, CI or not', () => {
    expect(browserGate(true, undefined)).toBe(true);
    expect(browserGate(true, 'true')).toBe(true);
  });

  it('skips them without Chromium on a developer machine', () => {
    expect(browserGate(false, undefined)).toBe(false);
    expect(browserGate(false, '')).toBe(false);
    expect(browserGate(false, 'false')).toBe(false);
    expect(browserGate(false, '0')).toBe(false);
  });

  it('fails the run without Chromium under CI', () => {
    expect(() => browserGate(false, 'true')).toThrow(/cannot run under CI: browser tests: no Chromium at/);
    expect(() => browserGate(false, '1')).toThrow(/under CI/);
  });
});
