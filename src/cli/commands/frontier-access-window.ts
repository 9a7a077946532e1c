import type { Command } from 'commander';
import { AppError, invalid } from '../../domain/errors';
import { parseAccessPlan } from '../../domain/frontier/access-plan';
import { accessWindowReport, computeAccessWindow } from '../../domain/frontier/access-window';
import { println } from '../io';
import type { FrontierVerb } from './frontier';
import { wantsJson } from './purl';
import { readInput } from './validate';

/**
 * `aisc frontier access-window FILE [--json]`: lead time, effective and scheduled access days,
 * status and checkpoint drift of one access plan (JSON; `-` for stdin), offline, per the issue's
 * exact contract. `asOf` defaults to now. The status is a report: AISC never holds a release.
 */
export const frontierAccessWindowVerb: FrontierVerb = (frontier, io) => {
  frontier
    .command('access-window')
    .description('measure a voluntary pre-release access plan against its release milestone, offline')
    .argument('<file>', 'the access plan (JSON), or - for stdin')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const text = await readInput(io, file);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new AppError('VALIDATION', `${file} is not JSON: ${(err as Error).message}`, [{ path: '', message: 'not JSON' }]);
      }
      // Lenient: an inconsistent but computable plan is measured as the contract defines it, with a note.
      const parsed = parseAccessPlan(value, Date.now(), { strict: false });
      if (!parsed.ok) throw invalid(parsed.problems, 'The access plan has invalid fields');
      for (const n of parsed.notes) io.stderr.write(`note: ${n.path}: ${n.message}\n`);
      const report = accessWindowReport(computeAccessWindow(parsed.plan));
      if (wantsJson(cmd)) {
        println(io, JSON.stringify(report));
        return;
      }
      println(io, `release at:             ${report.releaseAt ?? '(no release date)'}`);
      println(io, `lead time:              ${report.leadTimeDays} days`);
      println(io, `effective access:       ${report.effectiveAccessDays} days (so far)`);
      println(io, `scheduled access:       ${report.scheduledAccessDays} days (if the plan is kept)`);
      println(io, `status:                 ${report.status}${report.lateByDays > 0 ? ` (late by ${report.lateByDays} days)` : ''}`);
      println(io, `checkpoint drift:       ${report.drift ? 'yes: the tested checkpoint is not the released one' : 'no'}`);
    });
};
