import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { FORMATS, findFormat } from '../../standards/formats';
import { FormatError } from '../../standards/problem';
import { printJson, println, type CliIo } from '../io';
import type { CommandModule } from './index';

/** Reads a file as UTF-8 text, or stdin when the name is `-`. */
export async function readInput(io: CliIo, file: string): Promise<string> {
  if (file !== '-') {
    try {
      return await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR')
        throw new AppError('NOT_FOUND', `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : 'is a directory'}`);
      throw err;
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The registered format with this id, or a VALIDATION error listing the known ids. */
export function formatById(id: string) {
  const format = findFormat(id);
  if (!format) {
    throw new AppError('VALIDATION', `unknown format "${id}"; known: ${FORMATS.map((f) => f.id).join(', ')}`);
  }
  return format;
}

/** `aisc validate --format F FILE`: prints every problem (`path: message`); exits non-zero when invalid. */
export const validateCommand: CommandModule = (program: Command, io: CliIo) => {
  program
    .command('validate')
    .description(`check a document against its standard (formats: ${FORMATS.map((f) => f.id).join(', ')})`)
    .requiredOption('--format <id>', 'the format of FILE')
    .argument('<file>', 'the document, or - for stdin')
    .action(async (file: string, opts: { format: string }, cmd: Command) => {
      const format = formatById(opts.format);
      const problems = format.validate(await readInput(io, file));
      if (cmd.optsWithGlobals().json) printJson(io, { format: format.id, valid: problems.length === 0, problems });
      else if (problems.length === 0) println(io, `${file}: valid ${format.name}`);
      else for (const p of problems) println(io, `${p.path || '/'}: ${p.message}`);
      if (problems.length > 0) throw new FormatError(format.id, problems);
    });
};
