import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { parseFactSet } from '../../domain/frontier/facts';
import { evaluateFactSet, type RuleSetResult } from '../../domain/frontier/rule-engine';
import { BUILT_IN_RULE_SET_IDS, compileBuiltInRuleSets } from '../../domain/frontier/rule-sets/index';
import { type CliIo, println, stdinLines } from '../io';
import type { FrontierVerb } from './frontier';
import { wantsJson } from './purl';

/** The lines of FILE, or of stdin when it is `-`, without holding them all. */
async function* linesOf(io: CliIo, file: string): AsyncGenerator<string> {
  if (file === '-') {
    yield* stdinLines(io);
    return;
  }
  const input = createReadStream(file, 'utf8');
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR')
      throw new AppError('NOT_FOUND', `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : 'is a directory'}`);
    throw err;
  }
  yield* createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

/** Rule-set ids from `--rule-set a b`, `--rule-set a --rule-set b` or `--rule-set a,b`. */
const splitIds = (values: readonly string[] | undefined): string[] => (values ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

function tableRows(io: CliIo, id: string, results: readonly RuleSetResult[]): void {
  for (const r of results) println(io, `${pad(id, 16)} ${pad(`${r.ruleSet}@${r.version}`, 45)} ${pad(r.outcome, 21)} ${r.reasons.join('; ')}`);
}

/**
 * `aisc frontier evaluate FILE [--rule-set ID…] [--json]`: what each shipped rule set says about
 * each model fact set (NDJSON, one per line; `-` for stdin), offline. A malformed line is
 * reported on stderr with its line number and JSON path; the rest is still evaluated, and the
 * run exits 3 at the end (issue 11, "Exact contracts").
 */
export const frontierEvaluateVerb: FrontierVerb = (frontier, io) => {
  frontier
    .command('evaluate')
    .description('what every coverage rule set says about model fact sets (NDJSON, one per line), offline')
    .argument('[file]', 'NDJSON fact sets, or - for stdin')
    .option('--rule-set <id...>', `only these rule sets, in this order (repeat, or separate with commas): ${BUILT_IN_RULE_SET_IDS.join(', ')}`)
    .action(async (fileArg: string | undefined, opts: { ruleSet?: string[] }, cmd: Command) => {
      const ids = splitIds(opts.ruleSet);
      let file = fileArg;
      // `--rule-set a b FILE`: the variadic option took the file name (rule-set ids have no . or /).
      const last = ids[ids.length - 1];
      if (file === undefined && last !== undefined && (last === '-' || /[./\\]/.test(last))) file = ids.pop();
      if (file === undefined) throw new AppError('VALIDATION', 'give the NDJSON file of fact sets (or - for stdin)', [{ path: '/file', message: 'required' }]);
      // Unknown ids fail before anything is read or printed.
      const compiled = compileBuiltInRuleSets(ids);
      const json = wantsJson(cmd);
      if (!json) println(io, `${pad('model', 16)} ${pad('rule set', 45)} ${pad('outcome', 21)} reasons`);
      let lineNo = 0;
      let malformed = 0;
      for await (let line of linesOf(io, file)) {
        lineNo++;
        // A byte-order mark some editors write is not part of the first fact set.
        if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
        if (line.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          malformed++;
          report(io, json, lineNo, [{ path: '', message: `not JSON: ${(err as Error).message}` }]);
          continue;
        }
        const parsed = parseFactSet(value);
        if (!parsed.ok) {
          malformed++;
          report(io, json, lineNo, parsed.problems);
          continue;
        }
        const results = evaluateFactSet(parsed.facts, compiled);
        if (json) println(io, JSON.stringify({ id: parsed.facts.id ?? null, results }));
        else tableRows(io, parsed.facts.id === undefined ? `(line ${lineNo})` : String(parsed.facts.id), results);
      }
      if (malformed > 0)
        throw new AppError(
          'VALIDATION',
          `${malformed} of the input lines ${malformed === 1 ? 'was' : 'were'} malformed (reported above); the others were evaluated`,
        );
    });
};

/** One stderr line per problem of a malformed input line: its line number and JSON Pointer. */
function report(io: CliIo, json: boolean, line: number, problems: readonly { path: string; message: string }[]): void {
  for (const p of problems) {
    const text = `line ${line}: ${p.path || '/'}: ${p.message}`;
    if (json) io.stderr.write(`${JSON.stringify({ error: { code: 'VALIDATION', message: text, line, path: p.path, details: [p] } })}\n`);
    else io.stderr.write(`aisc: ${text}\n`);
  }
}
