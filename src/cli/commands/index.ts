import type { Command } from 'commander';
import type { CliIo } from '../io';

/** A CLI verb: adds its subcommand(s) to the program. */
export type CommandModule = (program: Command, io: CliIo) => void;

/** Every verb of `aisc`, in help order. Add one line per verb module. */
export const COMMANDS: CommandModule[] = [];
