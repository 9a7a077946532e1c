import type { Command } from 'commander';
import { scoreCvss } from '../../standards/cvss';
import { println } from '../io';
import type { CommandModule } from './index';
import { argumentOrLines, wantsJson } from './purl';

/** `aisc cvss score [VECTOR]`: CVSS 2.0, 3.0, 3.1 and 4.0 (stdin, one per line, when none given). */
export const cvssCommand: CommandModule = (program, io) => {
  program
    .command('cvss')
    .description('CVSS vectors (2.0, 3.0, 3.1, 4.0)')
    .command('score [vector]')
    .description('score a vector: one result (a JSON object with --json) per vector')
    .action(async (value: string | undefined, _opts: unknown, cmd: Command) => {
      for await (const input of argumentOrLines(io, value)) {
        const score = scoreCvss(input);
        if (wantsJson(cmd)) println(io, JSON.stringify(score));
        else println(io, `${score.baseScore.toFixed(1)} ${score.baseSeverity}${score.nomenclature ? ` (${score.nomenclature})` : ''}`);
      }
    });
};
