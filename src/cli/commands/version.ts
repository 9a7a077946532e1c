import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { compileAffected, compileNativeRange, type OsvAffected } from '../../standards/ranges';
import { ecosystemFor, type Ecosystem } from '../../standards/versions';
import { println, stdinLines, type CliIo } from '../io';
import type { CommandModule } from './index';

const SIGN = ['<', '=', '>'] as const;

function symbol(eco: Ecosystem, a: string, b: string): string {
  return SIGN[Math.sign(eco.compare(eco.parse(a), eco.parse(b))) + 1]!;
}

/** Writes one line, waiting when the consumer is slower than we are (stdin is streamed). */
async function writeLine(io: CliIo, line: string): Promise<void> {
  if (!io.stdout.write(`${line}\n`)) await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
}

function compileRange(range: string, eco: Ecosystem) {
  const text = range.trim();
  if (!text.startsWith('{')) return compileNativeRange(text, eco);
  let entry: OsvAffected;
  try {
    entry = JSON.parse(text) as OsvAffected;
  } catch (err) {
    throw new AppError('VALIDATION', `RANGE is not valid JSON: ${(err as Error).message}`);
  }
  return compileAffected(entry, eco);
}

/** `aisc version compare|sort|in-range --ecosystem E`: version order and ranges per OSV ecosystem. */
export const versionCommand: CommandModule = (program, io) => {
  const version = program.command('version').description('version ordering and ranges per ecosystem (OSV names)');
  version
    .command('compare [a] [b]')
    .description('print <, = or > for A and B; without them, one result per tab-separated pair on stdin')
    .requiredOption('--ecosystem <name>', 'OSV ecosystem, e.g. npm, PyPI, Debian:12')
    .action(async (a: string | undefined, b: string | undefined, opts: { ecosystem: string }) => {
      const eco = ecosystemFor(opts.ecosystem);
      if (a !== undefined) {
        if (b === undefined) throw new AppError('VALIDATION', 'compare needs two versions (or none, to read pairs from stdin)');
        println(io, symbol(eco, a, b));
        return;
      }
      for await (const line of stdinLines(io)) {
        if (!line.trim()) continue;
        const [x, y, extra] = line.split('\t');
        if (y === undefined || extra !== undefined) throw new AppError('VALIDATION', `expected two tab-separated versions, got ${JSON.stringify(line)}`);
        await writeLine(io, symbol(eco, x!.trim(), y.trim()));
      }
    });
  version
    .command('sort')
    .description('sort the versions on stdin (one per line), lowest first')
    .requiredOption('--ecosystem <name>', 'OSV ecosystem')
    .action(async (opts: { ecosystem: string }) => {
      const eco = ecosystemFor(opts.ecosystem);
      const parsed = [];
      for await (const line of stdinLines(io)) if (line.trim()) parsed.push(eco.parse(line.trim()));
      parsed.sort(eco.compare);
      for (const v of parsed) await writeLine(io, v.text);
    });
  version
    .command('in-range <version> <range>')
    .description('whether VERSION is affected: RANGE is an OSV affected entry (JSON), a native range or a vers URI')
    .requiredOption('--ecosystem <name>', 'OSV ecosystem')
    .action((v: string, range: string, opts: { ecosystem: string }, cmd: Command) => {
      const eco = ecosystemFor(opts.ecosystem);
      const affected = compileRange(range, eco).matches(eco.parse(v));
      if (cmd.optsWithGlobals().json) println(io, JSON.stringify({ ecosystem: eco.name, version: v, range, affected }));
      else println(io, String(affected));
    });
};
