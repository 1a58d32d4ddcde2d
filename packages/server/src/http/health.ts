import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';

const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
  time: z.string().describe('The service clock, ISO 8601 UTC.'),
});

/** `/healthz`: answers 200 when the database answers, 503 otherwise. */
export function installHealth(app: FastifyInstance, db: Kysely<Database>, clock: Clock): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/healthz',
    { schema: { tags: ['service'], summary: 'Liveness and database check', response: { 200: HealthSchema } } },
    async () => {
      try {
        await sql`select 1`.execute(db);
      } catch {
        throw new AppError('database_unavailable');
      }
      return { status: 'ok' as const, database: 'ok' as const, time: new Date(clock.now()).toISOString() };
    },
  );
}
