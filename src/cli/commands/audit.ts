import { AppError } from '../../domain/errors';
import { verifyAuditChain } from '../../services/audit';
import { printJson, println, type GlobalOptions } from '../io';
import { withLocalRuntime } from '../local';
import type { CommandModule } from './index';

/** `aisc audit verify`: walks the hash chain and names the first broken entry. */
export const auditCommand: CommandModule = (program, io) => {
  const audit = program.command('audit').description('the audit chain');
  audit
    .command('verify')
    .description('recompute the audit hash chain; exit 0 when intact, non-zero naming the first broken entry')
    .option('--expect-head <hash>', 'also require this head hash (one you recorded elsewhere earlier or now)')
    .action(async (o: { expectHead?: string }, cmd) => {
      const json = (cmd.optsWithGlobals() as GlobalOptions).json;
      const started = performance.now();
      const r = await withLocalRuntime(io, (rt) => verifyAuditChain(rt.database.db));
      const seconds = (performance.now() - started) / 1000;
      if (r.ok && o.expectHead && r.headHash !== o.expectHead) {
        throw new AppError('CONFLICT', `audit chain head is ${r.headHash ?? 'empty'}, expected ${o.expectHead}`);
      }
      if (json) printJson(io, { ...r, seconds });
      if (!r.ok) throw new AppError('CONFLICT', `audit chain broken: ${r.firstBreak!.message}`);
      if (!json) println(io, `audit chain intact: ${r.entries} entries, head ${r.headHash ?? '(empty)'} (${seconds.toFixed(2)} s)`);
    });
};
