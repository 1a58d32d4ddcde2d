/**
 * What the server commands need from `@hourglass/server`, loaded only when one of them runs, so
 * the engine commands never pay for loading the server.
 */
import path from 'node:path';
import { optionalString, type ParsedArgs } from '../../args.js';
import { CommandError, messageOf } from '../../errors.js';

export interface DemoLoginInfo {
  role: string;
  email: string;
  password: string;
  account?: string;
}

export interface DatabaseHandleInfo {
  db: unknown;
  kind: string;
  close(): Promise<void>;
}

export interface ServerApi {
  startServer(options: { port?: number; host?: string; databaseUrl?: string; dataDir?: string; worker?: boolean; print?: (line: string) => void }): Promise<{ url: string }>;
  /** Runs only the timer worker; resolves `stopped` when it has stopped (on SIGINT/SIGTERM). */
  startWorker?(options: { databaseUrl?: string; dataDir?: string; leaseMs?: number; print?: (line: string) => void }): Promise<{ stopped: Promise<void> }>;
  migrate(db?: unknown): Promise<{ applied: string[] }>;
  /** Re-targets the open tickets of calendars changed in place (migrating first). */
  retarget?(db?: unknown, options?: { packId?: string }): Promise<RetargetResult>;
  seed(db?: unknown): Promise<{ seeded: boolean; logins: DemoLoginInfo[] }>;
  openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandleInfo>;
  readConfig(): { databaseUrl: string | undefined; dataDir: string };
}

/** What `hourglass retarget` reports. */
export interface RetargetResult {
  changes: { packId: string; packVersion: string; calendarIds: readonly string[] }[];
  examined: number;
  tickets: number;
  timersMoved: number;
  timersCancelled: number;
  /** Tickets that could not be computed under the changed packs, left as they were; the first few named. */
  failed?: number;
  failures?: { ticketId: string; message: string }[];
}

export type ServerLoader = () => Promise<ServerApi>;

export const loadServer: ServerLoader = async () => {
  try {
    const server: ServerApi = await import('@hourglass/server');
    return server;
  } catch (error) {
    throw new CommandError(`the server could not be loaded (${messageOf(error)}); run \`npm run build\` at the root of the checkout and try again`);
  }
};

export const DATABASE_FLAGS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export const DATABASE_FLAGS_HELP = `  --data-dir DIR       where the embedded database keeps its files (default: HOURGLASS_DATA_DIR or ./.data)
  --database-url URL   a PostgreSQL URL (default: DATABASE_URL; without one, the embedded database)`;

export interface DatabaseChoice {
  databaseUrl: string | undefined;
  dataDir: string | undefined;
}

export function databaseChoice(parsed: ParsedArgs): DatabaseChoice {
  const dataDir = optionalString(parsed, 'data-dir');
  return { databaseUrl: optionalString(parsed, 'database-url'), dataDir: dataDir === undefined ? undefined : path.resolve(dataDir) };
}

/**
 * Runs `task` on the database the flags name, or, when they name none, hands it `undefined` so
 * the server uses its configured database.
 */
export async function withDatabase<T>(server: ServerApi, choice: DatabaseChoice, task: (db: unknown) => Promise<T>): Promise<T> {
  if (choice.databaseUrl === undefined && choice.dataDir === undefined) return task(undefined);
  const config = server.readConfig();
  const handle = await server.openDatabase({ databaseUrl: choice.databaseUrl ?? config.databaseUrl, dataDir: choice.dataDir ?? config.dataDir });
  try {
    return await task(handle.db);
  } finally {
    await handle.close();
  }
}
