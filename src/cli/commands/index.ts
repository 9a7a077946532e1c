import type { Command } from 'commander';
import type { CliIo } from '../io';
import { adminCommand } from './admin';
import { auditCommand } from './audit';
import { cpeCommand } from './cpe';
import { cvssCommand } from './cvss';
import { migrateCommand } from './migrate';
import { purlCommand } from './purl';
import { serveCommand } from './serve';
import { validateCommand } from './validate';
import { convertCommand } from './convert';
import { importCommand } from './import';
import { exportCommand } from './export';
import { versionCommand } from './version';
import { submitCommand } from './submit';
import { casesCommand } from './cases';
import { frontierCommand } from './frontier';

/** A CLI verb: adds its subcommand(s) to the program. */
export type CommandModule = (program: Command, io: CliIo) => void;

/** Every verb of `aisc`, in help order. Add one line per verb module. */
export const COMMANDS: CommandModule[] = [
  serveCommand,
  migrateCommand,
  adminCommand,
  auditCommand,
  purlCommand,
  cpeCommand,
  cvssCommand,
  validateCommand,
  convertCommand,
  importCommand,
  exportCommand,
  versionCommand,
  submitCommand,
  casesCommand,
  frontierCommand,
];
