import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { CONVERSIONS, findConversion } from '../../standards/formats';
import type { CliIo } from '../io';
import type { CommandModule } from './index';
import { formatById, readInput } from './validate';

/** `aisc convert --from F --to G FILE`: parses FILE as F, converts it and writes G to stdout. */
export const convertCommand: CommandModule = (program: Command, io: CliIo) => {
  program
    .command('convert')
    .description(`convert a document between standards (${CONVERSIONS.map((c) => `${c.from}→${c.to}`).join(', ')})`)
    .requiredOption('--from <id>', 'the format of FILE')
    .requiredOption('--to <id>', 'the format to write')
    .argument('<file>', 'the document, or - for stdin')
    .action(async (file: string, opts: { from: string; to: string }) => {
      const from = formatById(opts.from);
      const to = formatById(opts.to);
      const conversion = findConversion(from.id, to.id);
      if (!conversion) {
        const offered = CONVERSIONS.filter((c) => c.from === from.id).map((c) => c.to);
        throw new AppError('VALIDATION', `no conversion from ${from.id} to ${to.id}; from ${from.id}: ${offered.join(', ') || 'none'}`);
      }
      if (!to.serialize) throw new AppError('VALIDATION', `${to.name} cannot be written`);
      const result = conversion.convert(from.parse(await readInput(io, file)));
      // Several documents (e.g. one OSV record per CSAF vulnerability) are written as a JSON array.
      const output = Array.isArray(result)
        ? `${JSON.stringify(
            result.map((d) => JSON.parse(to.serialize!(d)) as unknown),
            null,
            2,
          )}\n`
        : to.serialize(result);
      io.stdout.write(output);
    });
};
