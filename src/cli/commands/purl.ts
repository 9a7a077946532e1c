import type { Command } from 'commander';
import { normalizePurl, parsePurl, serializePurl, type PackageURL } from '../../standards/purl';
import { println, stdinLines, type CliIo, type GlobalOptions } from '../io';
import type { CommandModule } from './index';

/**
 * The inputs of a batch verb: the argument when given, else each non-empty stdin line.
 * Shared by the identity verbs (purl, cpe, cvss).
 */
export async function* argumentOrLines(io: CliIo, value: string | undefined): AsyncGenerator<string> {
  if (value !== undefined) {
    yield value;
    return;
  }
  for await (const line of stdinLines(io)) if (line.trim() !== '') yield line.trim();
}

/** Whether --json was given (a global option). */
export function wantsJson(cmd: Command): boolean {
  return (cmd.optsWithGlobals() as GlobalOptions).json === true;
}

function describePurl(p: PackageURL): Record<string, unknown> {
  return { type: p.type, namespace: p.namespace, name: p.name, version: p.version, qualifiers: p.qualifiers, subpath: p.subpath, purl: serializePurl(p) };
}

/** `aisc purl parse|normalize [PURL]`: Package URLs per ECMA-427 (stdin, one per line, when none given). */
export const purlCommand: CommandModule = (program, io) => {
  const purl = program.command('purl').description('Package URL (ECMA-427 / purl-spec)');
  purl
    .command('parse [purl]')
    .description('parse a purl (strictly) into its components')
    .action(async (value: string | undefined, _opts: unknown, cmd: Command) => {
      for await (const input of argumentOrLines(io, value)) {
        const described = describePurl(parsePurl(input));
        if (wantsJson(cmd)) println(io, JSON.stringify(described));
        else
          for (const [key, v] of Object.entries(described)) println(io, `${key}: ${v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
      }
    });
  purl
    .command('normalize [purl]')
    .description('print the canonical form of a purl, repairing what can be repaired')
    .action(async (value: string | undefined, _opts: unknown, cmd: Command) => {
      for await (const input of argumentOrLines(io, value)) {
        if (wantsJson(cmd)) println(io, JSON.stringify(describePurl(parsePurl(normalizePurl(input), 'lenient'))));
        else println(io, normalizePurl(input));
      }
    });
};
