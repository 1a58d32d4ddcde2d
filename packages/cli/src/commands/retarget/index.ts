/** `hourglass retarget`: bring open tickets in line with calendars edited in place. */
import { optionalString, parseFlags, wantsHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { CommandError } from '../../errors.js';
import { writeLine } from '../../io.js';
import { DATABASE_FLAGS, DATABASE_FLAGS_HELP, databaseChoice, type RetargetResult, type ServerLoader, withDatabase } from '../server/api.js';

export const RETARGET_HELP = `hourglass retarget: move the due times and timers of open tickets after a calendar changed

Usage:
  hourglass retarget [--pack NAME] [--data-dir DIR | --database-url URL]

Compares each pack version's calendars (hours, holidays, exceptions) with the ones its open tickets
were last timed with. For each calendar edited in place (for example a holiday added to a pack file),
every open ticket whose targets count on it gets its due times recomputed from its history, and its
breach warnings, breaches, pending reminders and automatic solves are moved. The server and the
worker do the same when they start; restart them after editing a pack so they use it too.

Flags:
  --pack NAME          only this pack's calendars (e.g. twilio)
${DATABASE_FLAGS_HELP}
  -h, --help           show this help`;

export function retargetCommand(loadServer: ServerLoader): Command {
  return {
    path: ['retarget'],
    summary: 'move open tickets\u2019 due times and timers after a calendar changed',
    help: RETARGET_HELP,
    async run(args, io) {
      const parsed = parseFlags(args, { ...DATABASE_FLAGS, pack: { type: 'string' } });
      if (wantsHelp(parsed)) {
        writeLine(io.stdout, RETARGET_HELP);
        return 0;
      }
      const pack = optionalString(parsed, 'pack');
      const server = await loadServer();
      if (!server.retarget) throw new CommandError('this version of the server cannot re-target tickets; run `npm run build` at the root of the checkout and try again');
      const retarget = server.retarget;
      const result = await withDatabase(server, databaseChoice(parsed), (db) => retarget(db, pack === undefined ? {} : { packId: pack }));
      for (const line of describe(result)) writeLine(io.stdout, line);
      return 0;
    },
  };
}

function describe(result: RetargetResult): string[] {
  if (result.changes.length === 0) return ['No calendar has changed since its open tickets were timed; nothing to move.'];
  return [
    ...result.changes.map((c) => `Changed: ${c.packId} version ${c.packVersion}, ${c.calendarIds.join(', ')}`),
    `${result.tickets} of ${result.examined} open tickets re-targeted; ${result.timersMoved} timers moved, ${result.timersCancelled} cancelled.`,
    ...(result.failed ? [`${result.failed} could not be computed under the changed packs and were left as they were:`] : []),
    ...(result.failures ?? []).map((f) => `  ${f.ticketId}: ${f.message}`),
  ];
}
