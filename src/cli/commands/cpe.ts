import type { Command } from 'commander';
import { matchCpe, parseCpe } from '../../standards/cpe';
import { println } from '../io';
import type { CommandModule } from './index';
import { argumentOrLines, wantsJson } from './purl';

/** `aisc cpe parse [CPE]` and `aisc cpe match SOURCE TARGET` (NISTIR 7695 / 7696). */
export const cpeCommand: CommandModule = (program, io) => {
  const cpe = program.command('cpe').description('CPE 2.3 names (NISTIR 7695) and matching (NISTIR 7696)');
  cpe
    .command('parse [cpe]')
    .description('parse a CPE in either binding into its WFN and both bindings')
    .action(async (value: string | undefined, _opts: unknown, cmd: Command) => {
      for await (const input of argumentOrLines(io, value)) {
        const name = parseCpe(input);
        if (wantsJson(cmd)) println(io, JSON.stringify({ wfn: name.wfn, wfnString: name.wfnString, formattedString: name.formattedString, uri: name.uri }));
        else {
          println(io, `wfn: ${name.wfnString}`);
          println(io, `formatted string: ${name.formattedString}`);
          println(io, `uri: ${name.uri}`);
        }
      }
    });
  cpe
    .command('match <source> <target>')
    .description('compare two CPE names: SUPERSET, SUBSET, EQUAL, DISJOINT or UNDEFINED')
    .action((source: string, target: string, _opts: unknown, cmd: Command) => {
      const result = matchCpe(parseCpe(source).wfn, parseCpe(target).wfn);
      println(io, wantsJson(cmd) ? JSON.stringify(result) : result.relation);
    });
};
