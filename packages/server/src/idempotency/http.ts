import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { type CreatedResponse, type IdempotentOptions, idempotencyKeyFrom, type RecordResponse, runIdempotent } from './idempotency.js';

/**
 * The route-side form of {@link runIdempotent}: reads the `Idempotency-Key` header, runs the create in
 * one transaction with the stored response, and sends the answer (`Idempotency-Replayed: true` on a replay).
 */
export async function respondIdempotently<T>(
  deps: { db: Kysely<Database>; clock: Clock },
  actor: Actor,
  request: FastifyRequest,
  reply: FastifyReply,
  create: (trx: Kysely<Database>, record?: RecordResponse<T>) => Promise<CreatedResponse<T>>,
  options: IdempotentOptions = {},
): Promise<FastifyReply> {
  const result = await runIdempotent(
    deps.db,
    deps.clock,
    {
      principal: actor.principal,
      key: idempotencyKeyFrom(request.headers),
      method: request.method,
      path: request.url,
      body: request.body,
    },
    create,
    options,
  );
  if (result.replayed) reply.header('idempotency-replayed', 'true');
  return reply.code(result.status).send(result.body);
}
