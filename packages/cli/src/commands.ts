/** Every command of `hourglass`, in the order the help lists them. */
import type { PolicyRegistry } from '@hourglass/policy';
import type { Command } from './command.js';
import { calendarShowCommand } from './commands/calendar-show/index.js';
import { policyListCommand } from './commands/policy-list/index.js';
import { policySchemaCommand } from './commands/policy-schema/index.js';
import { policyValidateCommand } from './commands/policy-validate/index.js';
import { retargetCommand } from './commands/retarget/index.js';
import { loadServer, type ServerLoader } from './commands/server/api.js';
import { migrateCommand, seedCommand, serveCommand } from './commands/server/index.js';
import { slaDeadlineCommand } from './commands/sla-deadline/index.js';
import { slaDeadlinesCommand } from './commands/sla-deadlines/index.js';
import { workerCommand } from './commands/worker/index.js';
import { shippedRegistry } from './shipped.js';

export interface CommandDeps {
  loadRegistry: () => Promise<PolicyRegistry>;
  loadServer: ServerLoader;
}

export function allCommands(deps: CommandDeps = { loadRegistry: shippedRegistry, loadServer }): Command[] {
  return [
    slaDeadlineCommand(deps.loadRegistry),
    slaDeadlinesCommand(deps.loadRegistry),
    calendarShowCommand(deps.loadRegistry),
    policyListCommand(deps.loadRegistry),
    policyValidateCommand,
    policySchemaCommand,
    serveCommand(deps.loadServer),
    migrateCommand(deps.loadServer),
    seedCommand(deps.loadServer),
    workerCommand(deps.loadServer),
    retargetCommand(deps.loadServer),
  ];
}
