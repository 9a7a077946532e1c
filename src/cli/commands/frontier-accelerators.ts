import type { Command } from 'commander';
import { acceleratorCatalogue } from '../../services/frontier/compute-views';
import { println } from '../io';
import type { FrontierVerb } from './frontier';
import { wantsJson } from './purl';

const fmt = (n: number | null) => (n === null ? '-' : String(n));

/**
 * `aisc frontier accelerators [--json]`: the shipped accelerator catalogue with TPP, performance
 * density and ECCN 3A090.a computed, offline (issue 12). Peaks are dense (no sparsity).
 */
export const frontierAcceleratorsVerb: FrontierVerb = (frontier, io) => {
  frontier
    .command('accelerators')
    .description('the accelerator catalogue with TPP, performance density and export classification, offline')
    .action(async (_opts: unknown, cmd: Command) => {
      const c = acceleratorCatalogue();
      if (wantsJson(cmd)) {
        println(io, JSON.stringify(c));
        return;
      }
      println(io, `catalogue ${c.version}; rules ${c.rulesVersion}; ${c.unit}`);
      const rows = [
        ['id', 'bf16', 'fp8', 'int8', 'memory GB', 'TPP', 'PD', 'ECCN'],
        ...c.accelerators.map((a) => [
          a.id,
          fmt(a.peakDense.bf16),
          fmt(a.peakDense.fp8),
          fmt(a.peakDense.int8),
          fmt(a.memoryGB),
          fmt(a.tpp),
          fmt(a.performanceDensity),
          a.export.eccn,
        ]),
      ];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      for (const r of rows)
        println(
          io,
          r
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
    });
};
