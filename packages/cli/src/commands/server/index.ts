/** `hourglass serve`, `migrate` and `seed`: the server's tasks, run from the command line. */
import { flag, optionalNumber, optionalString, parseFlags, wantsHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { UsageError } from '../../errors.js';
import { writeLine } from '../../io.js';
import { DATABASE_FLAGS, DATABASE_FLAGS_HELP, databaseChoice, withDatabase, type DemoLoginInfo, type ServerApi, type ServerLoader } from './api.js';

export const SERVE_HELP = `hourglass serve: run the Hourglass server (API, docs and web app)

Usage:
  hourglass serve [--port N] [--host H] [--data-dir DIR | --database-url URL] [--no-worker]

Migrates the database, adds the demo data when it is empty, and listens until stopped (Ctrl-C).
A timer worker runs in the same process unless --no-worker is given (then run \`hourglass worker\`).

Flags:
  --port N             port to listen on (default: PORT or 3000; 0 picks a free port)
  --host H             address to listen on (default: HOST or 127.0.0.1)
${DATABASE_FLAGS_HELP}
  --no-worker          do not fire timers in this process
  -h, --help           show this help`;

export const MIGRATE_HELP = `hourglass migrate: bring the database up to the latest schema

Usage:
  hourglass migrate [--data-dir DIR | --database-url URL]

Flags:
${DATABASE_FLAGS_HELP}
  -h, --help           show this help`;

export const SEED_HELP = `hourglass seed: fill an empty database with the fictional demo data

Usage:
  hourglass seed [--data-dir DIR | --database-url URL]

Migrates first. Does nothing when the database already holds data.

Flags:
${DATABASE_FLAGS_HELP}
  -h, --help           show this help`;

function loginLine(login: DemoLoginInfo): string {
  const who = `  ${login.role.padEnd(8)} ${login.email.padEnd(36)} ${login.password}`;
  return login.account ? `${who}   ${login.account}` : who;
}

export function serveCommand(loadServer: ServerLoader): Command {
  return {
    path: ['serve'],
    summary: 'run the server: API, docs and web app',
    help: SERVE_HELP,
    async run(args, io) {
      const parsed = parseFlags(args, { ...DATABASE_FLAGS, port: { type: 'string' }, host: { type: 'string' }, 'no-worker': { type: 'boolean' } });
      if (wantsHelp(parsed)) {
        writeLine(io.stdout, SERVE_HELP);
        return 0;
      }
      const port = optionalNumber(parsed, 'port', true);
      if (port !== undefined && port > 65535) throw new UsageError(`--port must be from 0 to 65535 (got ${port})`);
      const host = optionalString(parsed, 'host');
      const { databaseUrl, dataDir } = databaseChoice(parsed);
      const server = await loadServer();
      await server.startServer({
        ...(port === undefined ? {} : { port }),
        ...(host === undefined ? {} : { host }),
        ...(databaseUrl === undefined ? {} : { databaseUrl }),
        ...(dataDir === undefined ? {} : { dataDir }),
        ...(flag(parsed, 'no-worker') ? { worker: false } : {}),
        print: (line) => writeLine(io.stdout, line),
      });
      return 0;
    },
  };
}

/** A command that opens the database named by the flags, runs `action` on it and closes it. */
function databaseCommand(
  path: string[],
  summary: string,
  help: string,
  loadServer: ServerLoader,
  action: (server: ServerApi, db: unknown, io: Parameters<Command['run']>[1]) => Promise<void>,
): Command {
  return {
    path,
    summary,
    help,
    async run(args, io) {
      const parsed = parseFlags(args, DATABASE_FLAGS);
      if (wantsHelp(parsed)) {
        writeLine(io.stdout, help);
        return 0;
      }
      const server = await loadServer();
      await withDatabase(server, databaseChoice(parsed), (db) => action(server, db, io));
      return 0;
    },
  };
}

export function migrateCommand(loadServer: ServerLoader): Command {
  return databaseCommand(['migrate'], 'bring the database up to the latest schema', MIGRATE_HELP, loadServer, async (server, db, io) => {
    const report = await server.migrate(db);
    const count = report.applied.length;
    writeLine(io.stdout, count === 0 ? 'The database is up to date.' : `Applied ${count} migration${count === 1 ? '' : 's'}: ${report.applied.join(', ')}`);
  });
}

export function seedCommand(loadServer: ServerLoader): Command {
  return databaseCommand(['seed'], 'fill an empty database with the demo data', SEED_HELP, loadServer, async (server, db, io) => {
    const report = await server.seed(db);
    writeLine(io.stdout, report.seeded ? 'Demo data was created. Demo logins:' : 'The database already holds data; nothing was added. Demo logins (if still there):');
    for (const login of report.logins) writeLine(io.stdout, loginLine(login));
  });
}
