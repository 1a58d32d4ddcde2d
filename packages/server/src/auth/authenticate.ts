import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, User } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Actor, ActorAccount } from './actor.js';
import { SESSION_COOKIE, userOfSession } from './sessions.js';
import { userOfToken } from './tokens.js';

/**
 * Resolves the caller of every request into `request.actor`: a bearer token first, else the session
 * cookie. A bearer token that is wrong is refused at once; a stale cookie just leaves the caller anonymous.
 */
export function installAuthentication(app: FastifyInstance, db: Kysely<Database>, clock: Clock): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
      const found = await userOfToken(db, clock, match[1]!);
      if (!found) throw new AppError('unauthenticated', 'This API token is not valid: it is unknown, revoked or expired.');
      request.actor = actorOf(found.user, found.account, 'token', `token:${found.tokenId}`);
      return;
    }
    const secret = request.cookies?.[SESSION_COOKIE];
    if (secret) {
      const found = await userOfSession(db, clock, secret);
      if (found) request.actor = actorOf(found.user, found.account, 'session', `user:${found.user.id}`);
    }
  });
}

function actorOf(user: User, account: ActorAccount | null, via: Actor['via'], principal: string): Actor {
  return { userId: user.id, providerId: user.provider_id, role: user.role, accountId: user.account_id, principal, via, account };
}
