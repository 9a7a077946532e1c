import { AppError } from '../../domain/errors';
import { chainTrustOf, checkpointAuditChain, verifyAuditChain } from '../../services/audit';
import { printJson, println, type GlobalOptions } from '../io';
import { localOnly, withLocalRuntime } from '../local';
import type { CommandModule } from './index';

/** `--expect-head`: `SEQ:HASH` (an entry the operator kept) or a bare HASH (the current head). */
function parseExpected(v: string): { seq: number; hash: string } | { head: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(v.trim());
  if (m) return { seq: Number(m[1]), hash: m[2]! };
  if (/^[0-9a-f]{64}$/.test(v.trim())) return { head: v.trim() };
  throw new AppError('VALIDATION', '--expect-head takes SEQ:HASH (as `aisc audit checkpoint` prints it) or the 64-hex-digit head hash', [
    { path: '/expectHead', message: 'not SEQ:HASH or a SHA-256 hex digest' },
  ]);
}

/**
 * `aisc audit verify`: walks the hash chain, checks every signed checkpoint and compares
 * with the anchor kept outside the database; says what it proved and what it could not
 * (ADR 0043). `aisc audit checkpoint`: signs the head now and prints it for the operator.
 */
export const auditCommand: CommandModule = (program, io) => {
  const audit = program.command('audit').description('the audit chain (local database only)');
  audit
    .command('verify')
    .description(
      'recompute the audit hash chain and check it against the signed checkpoints and the anchor file; exit 0 when intact, 6 naming the first broken entry or a truncated chain',
    )
    .option('--expect-head <seq:hash>', 'also require this entry (as `aisc audit checkpoint` printed it), or this head hash')
    .action(async (o: { expectHead?: string }, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      localOnly(io, globals, 'audit verify');
      const expected = o.expectHead ? parseExpected(o.expectHead) : undefined;
      const started = performance.now();
      const r = await withLocalRuntime(io, (rt) => {
        // Read the anchor before the chain: it only ever names entries already committed.
        const trust = { ...chainTrustOf(rt.config), expected: expected && 'seq' in expected ? expected : undefined };
        return verifyAuditChain(rt.database.db, undefined, trust);
      });
      const seconds = (performance.now() - started) / 1000;
      if (r.ok && expected && 'head' in expected && r.headHash !== expected.head) {
        throw new AppError('CONFLICT', `audit chain head is ${r.headHash ?? 'empty'}, expected ${expected.head}`);
      }
      if (globals.json) printJson(io, { ...r, seconds });
      if (!r.ok) throw new AppError('CONFLICT', `audit chain broken: ${r.firstBreak!.message}`);
      if (!globals.json) println(io, `${r.statement} (${r.entries} entries, ${seconds.toFixed(2)} s)`);
    });
  audit
    .command('checkpoint')
    .description('sign a checkpoint of the audit chain now, write it to the anchor file, and print the head to keep elsewhere')
    .action(async (_o, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      localOnly(io, globals, 'audit checkpoint');
      const c = await withLocalRuntime(io, async (rt) => {
        if (!rt.config.auditKeyFile)
          throw new AppError('VALIDATION', 'no audit key is configured (AISC_AUDIT_KEY_FILE): checkpoints need one', [
            { path: '/env/AISC_AUDIT_KEY_FILE', message: 'required' },
          ]);
        return checkpointAuditChain(rt.ctx, { createKey: false });
      });
      if (!c)
        throw new AppError(
          'NOT_FOUND',
          'nothing to checkpoint: the audit chain is empty, or the audit key file does not exist yet (`aisc serve` or `aisc migrate` creates it)',
        );
      if (globals.json) return printJson(io, c);
      println(io, `checkpoint: entry ${c.seq} signed at ${c.at}${c.created ? '' : ' (the head was already a checkpoint)'}`);
      println(io, `keep this line elsewhere, and later check it with: aisc audit verify --expect-head ${c.seq}:${c.hash}`);
    });
};
