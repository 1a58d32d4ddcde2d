import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';

const ServerTimeSchema = z
  .object({
    now: z.string().describe("The service clock at the moment of the answer: ISO 8601 UTC, exact to the millisecond. It is the clock the due times are counted on (HOURGLASS_CLOCK may set it apart from real time)."),
    now_ms: z.number().int().describe('The same instant in milliseconds since the Unix epoch.'),
  })
  .meta({ id: 'ServerTime' });

/**
 * `GET /api/v1/time`: the service's "now", so that clients count down towards due times on the
 * service's clock rather than on their own (which may be off, or far from a demo clock).
 */
export const serverTimeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/time',
      { schema: { tags: ['service'], summary: "The service clock now, exact to the millisecond (for clients' countdowns)", security: [], response: { 200: ServerTimeSchema } } },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        const now = deps.clock.now();
        return { now: new Date(now).toISOString(), now_ms: now };
      },
    );
  };
