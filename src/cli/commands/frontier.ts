import type { Command } from 'commander';
import type { CliIo } from '../io';
import { frontierAccessWindowVerb } from './frontier-access-window';
import { frontierAcceleratorsVerb } from './frontier-accelerators';
import { frontierEvaluateVerb } from './frontier-evaluate';
import { frontierInquiriesVerb, frontierReviewsVerb } from './frontier-designation';
import type { CommandModule } from './index';
import { frontierModelsVerb } from './frontier-models';
import { plansVerb } from './frontier-plans';

/** A `frontier` verb: adds its subcommand(s) to the `aisc frontier` group. */
export type FrontierVerb = (frontier: Command, io: CliIo) => void;

/**
 * The `aisc frontier …` verbs, in help order: offline computations (`evaluate`,
 * `access-window`) and the everyday verbs on a server (`models`, `inquiries`, `reviews`,
 * `plans`). Add one line per verb module.
 */
// biome-ignore format: one verb per line, so parallel additions merge line by line
export const FRONTIER_VERBS: FrontierVerb[] = [
  frontierEvaluateVerb,
  frontierAccessWindowVerb,
  frontierModelsVerb,
  frontierInquiriesVerb,
  frontierReviewsVerb,
  plansVerb,
  frontierAcceleratorsVerb,
];

/**
 * `aisc frontier`: the frontier-model side of the order — a voluntary framework. AISC records,
 * computes, reminds and reports; nothing here holds back a release.
 */
export const frontierCommand: CommandModule = (program, io) => {
  const frontier = program.command('frontier').description('frontier models: coverage rules, designation, voluntary pre-release access');
  for (const verb of FRONTIER_VERBS) verb(frontier, io);
};
