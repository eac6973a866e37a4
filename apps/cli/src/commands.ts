import type { Command } from './command';
import { exportEventsCommand } from './events-backup/export-events.command';
import { importEventsCommand } from './events-backup/import-events.command';

/** Every command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [exportEventsCommand, importEventsCommand];
