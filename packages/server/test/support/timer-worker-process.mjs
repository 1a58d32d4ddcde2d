// A timer worker process for the multi-process timer test, from the compiled package. It runs two
// TimerWorkers on one PostgreSQL database: one for `proc_tx` (its effect is a row written in the
// claiming transaction) and one for `proc_lease` (an "external" effect under a lease: every attempt
// is logged in `deliveries`, and the receiver keeps one `effects` row per idempotency key).
// Prints {"ready":"<worker id>"} once sweeping; stops cleanly on SIGTERM.
// Arguments: --database-url URL --worker-id ID [--lease-ms N]
import { sql } from 'kysely';
import { systemClock } from '../../dist/clock.js';
import { openDatabase } from '../../dist/db/open.js';
import { TimerWorker } from '../../dist/timers/index.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const workerId = option('--worker-id');
const leaseMs = Number(option('--lease-ms', '3000'));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const { db, close } = await openDatabase({ databaseUrl: option('--database-url'), maxConnections: 6 });
const onError = (error) => process.stderr.write(`${workerId}: ${error?.stack ?? error}\n`);

const transactional = new TimerWorker({
  db,
  clock: systemClock,
  workerId,
  batchSize: 20,
  pollMs: 50,
  onError,
  handlers: {
    proc_tx: async (timer, trx) => {
      await sql`insert into effects (timer_id, worker, kind) values (${timer.id}, ${workerId}, 'proc_tx')`.execute(trx);
      await pause(1);
    },
  },
});
const leased = new TimerWorker({
  db,
  clock: systemClock,
  workerId,
  batchSize: 10,
  pollMs: 50,
  leaseMs,
  onError,
  handlers: {
    proc_lease: {
      lease: true,
      run: async (timer, context) => {
        await sql`insert into deliveries (timer_id, worker) values (${context.idempotencyKey}, ${workerId})`.execute(context.db);
        await sql`insert into effects (timer_id, worker, kind) values (${context.idempotencyKey}, ${workerId}, 'proc_lease') on conflict (timer_id) do nothing`.execute(context.db);
        await pause(30);
      },
    },
  },
});

transactional.start();
leased.start();
process.stdout.write(`${JSON.stringify({ ready: workerId })}\n`);
process.once('SIGTERM', async () => {
  await Promise.all([transactional.stop(), leased.stop()]);
  await close();
  process.exit(0);
});
