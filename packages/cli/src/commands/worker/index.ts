/** `hourglass worker`: fire timers and deliver notifications, without serving HTTP. */
import { optionalNumber, parseFlags, wantsHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { CommandError } from '../../errors.js';
import { writeLine } from '../../io.js';
import { DATABASE_FLAGS, DATABASE_FLAGS_HELP, databaseChoice, type ServerLoader } from '../server/api.js';

export const WORKER_HELP = `hourglass worker: fire due timers (reminders, automatic solves, breach alerts) and send email and webhooks

Usage:
  hourglass worker [--data-dir DIR | --database-url URL] [--lease-ms N]

Runs until stopped (Ctrl-C or SIGTERM), finishing the batch in progress. Run any number of workers on
one PostgreSQL database to scale out (start the API with \`hourglass serve --no-worker\`); each timer
fires once. The embedded database is used by one process only, so there \`serve\` runs the worker itself.

Flags:
${DATABASE_FLAGS_HELP}
  --lease-ms N         how long an email or webhook send may take before another worker takes it over
                       (default 60000; a killed worker's sends are taken over after this long)
  -h, --help           show this help`;

export function workerCommand(loadServer: ServerLoader): Command {
  return {
    path: ['worker'],
    summary: 'fire timers and send notifications (no HTTP), for scale-out',
    help: WORKER_HELP,
    async run(args, io) {
      const parsed = parseFlags(args, { ...DATABASE_FLAGS, 'lease-ms': { type: 'string' } });
      if (wantsHelp(parsed)) {
        writeLine(io.stdout, WORKER_HELP);
        return 0;
      }
      const { databaseUrl, dataDir } = databaseChoice(parsed);
      const leaseMs = optionalNumber(parsed, 'lease-ms', true);
      if (leaseMs !== undefined && (leaseMs < 1_000 || leaseMs > 3_600_000)) {
        throw new CommandError(`--lease-ms must be from 1000 to 3600000 (1 s to 1 h); got ${leaseMs}`);
      }
      const server = await loadServer();
      if (!server.startWorker) throw new CommandError('this version of the server cannot run a separate worker; run `npm run build` at the root of the checkout and try again');
      const worker = await server.startWorker({
        ...(databaseUrl === undefined ? {} : { databaseUrl }),
        ...(dataDir === undefined ? {} : { dataDir }),
        ...(leaseMs === undefined ? {} : { leaseMs }),
        print: (line) => writeLine(io.stdout, line),
      });
      await worker.stopped;
      return 0;
    },
  };
}
