import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, User } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Actor, ActorAccount } from './actor.js';
import { basicChallenge, parseBasic } from './basic.js';
import { SESSION_COOKIE, userOfSession } from './sessions.js';
import { userOfToken } from './tokens.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Marks a route called by machines that cannot send a bearer header (a voice provider's webhook):
     * it also takes HTTP Basic credentials whose password is an API token, it needs credentials, and
     * each refusal of them carries a `WWW-Authenticate: Basic realm="<this>"` challenge.
     */
    basicAuthRealm?: string;
    /** The route reads the Authorization header itself (`/metrics` and its metrics token): no API-token sign-in. */
    ownAuthorization?: boolean;
  }
}

/**
 * Resolves the caller of every request into `request.actor`: a bearer token first, else the session
 * cookie. A bearer token that is wrong is refused at once; a stale cookie just leaves the caller anonymous.
 * Routes with `config.basicAuthRealm` also take the token as the password of HTTP Basic credentials.
 */
export function installAuthentication(app: FastifyInstance, db: Kysely<Database>, clock: Clock): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.ownAuthorization) return;
    const realm = request.routeOptions.config.basicAuthRealm;
    if (realm === undefined) {
      request.actor = await actorOfRequest(request, false);
      return;
    }
    try {
      request.actor = await actorOfRequest(request, true);
    } catch (error) {
      reply.header('www-authenticate', basicChallenge(realm));
      throw error;
    }
    if (!request.actor) {
      reply.header('www-authenticate', basicChallenge(realm));
      throw new AppError(
        'unauthenticated',
        `This webhook needs credentials: put a staff API token as the password in its URL (https://hourglass:<token>@<host>${request.url.split('?')[0]}), or send "Authorization: Bearer <token>".`,
      );
    }
  });

  async function actorOfRequest(request: FastifyRequest, basicAllowed: boolean): Promise<Actor | null> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return actorOfToken(tokenOf(authorization, basicAllowed));
    const secret = request.cookies?.[SESSION_COOKIE];
    if (!secret) return null;
    const found = await userOfSession(db, clock, secret);
    return found ? actorOf(found.user, found.account, 'session', `user:${found.user.id}`) : null;
  }

  async function actorOfToken(secret: string): Promise<Actor> {
    const found = await userOfToken(db, clock, secret);
    if (!found) throw new AppError('unauthenticated', 'This API token is not valid: it is unknown, revoked or expired.');
    return actorOf(found.user, found.account, 'token', `token:${found.tokenId}`);
  }
}

/** The API token an Authorization header carries: as a bearer token, or (where allowed) as the Basic password. */
function tokenOf(authorization: string, basicAllowed: boolean): string {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer) return bearer[1]!;
  if (!basicAllowed) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
  const basic = parseBasic(authorization);
  if (!basic) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>" or "Basic <base64 of user:token>".');
  if (basic.password === '') throw new AppError('unauthenticated', 'The Basic credentials have no password; the password must be a staff API token (the user name is ignored).');
  return basic.password;
}

function actorOf(user: User, account: ActorAccount | null, via: Actor['via'], principal: string): Actor {
  return { userId: user.id, providerId: user.provider_id, role: user.role, accountId: user.account_id, principal, via, account, locale: user.locale };
}
