import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';

/** `aisc frontier accelerators`, offline, through the real CLI. */
describe('aisc frontier accelerators', () => {
  it('prints the catalogue with TPP, density and ECCN, and the same as JSON', async () => {
    const text = await cli(['frontier', 'accelerators'], {});
    expect(text.code).toBe(0);
    // H100 SXM: 1978.9 TOP/s FP8 × 8 = 15831.2; 15831.2 / 814 mm² = 19.449.
    expect(text.stdout).toMatch(/nvidia-h100-sxm\s+989\.4\s+1978\.9\s+1978\.9\s+80\s+15831\.2\s+19\.449\s+3A090\.a/);
    expect(text.stdout).toMatch(/google-tpu-v5e .* undetermined \(3A090\.a\)/);
    const json = await cli(['frontier', 'accelerators', '--json'], {});
    const parsed = JSON.parse(json.stdout) as { accelerators: { id: string; tpp: number }[] };
    expect(parsed.accelerators.find((a) => a.id === 'amd-mi300x')?.tpp).toBe(20919.2);
  });
});
