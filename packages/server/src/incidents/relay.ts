/**
 * Incident news as public replies on tickets, through the tickets' own comment path: the requester
 * gets the usual email and the ticket's clocks move as for any agent's reply. The intro line is in the
 * ticket's language.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { DEFAULT_LOCALE, matchLocale, type MessageId, type MessageValues, translator } from '../i18n/index.js';
import type { AppDeps } from '../http/deps.js';
import { addComment } from '../tickets/comments.js';
import type { IncidentStatus } from './tables.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

export interface RelayText {
  intro: { id: MessageId; values: MessageValues };
  /** Text written by staff (an update's body, the RFO's Markdown): relayed as written. */
  body: string;
  url: string;
}

/** The reply's text in `language` (a ticket's language; English where the desk does not speak it). */
export function relayBody(text: RelayText, language: string | null): string {
  const { t } = translator(matchLocale(language) ?? DEFAULT_LOCALE);
  const values = { ...text.intro.values };
  if (typeof values.status === 'string') values.status = t(`incidents.status.${values.status as IncidentStatus}`);
  return `${t(text.intro.id, values)}\n\n${text.body}\n\n${t('incidents.relay.follow', { url: text.url })}`;
}

/**
 * Adds the text as a public reply by `actor` on each ticket that still takes replies (closed tickets
 * are skipped); answers the ids of the tickets replied on, with their comment ids.
 */
export async function replyOnTickets(deps: AppDeps, db: Db, actor: Actor, ticketIds: readonly string[], text: RelayText): Promise<Map<string, string>> {
  const replied = new Map<string, string>();
  if (ticketIds.length === 0) return replied;
  const tickets = await db.selectFrom('tickets').select(['id', 'language', 'status']).where('id', '=', anyOf([...new Set(ticketIds)], 'uuid')).orderBy('id').execute();
  for (const ticket of tickets) {
    if (ticket.status === 'closed') continue;
    const comment = await addComment(deps, db, actor, ticket.id, { body: relayBody(text, ticket.language), public: true });
    replied.set(ticket.id, comment.id);
  }
  return replied;
}

/**
 * The provider's staff user as an actor, to reply in their name outside their own request; when they
 * are gone (or none is named), the provider's first active admin.
 */
export async function staffActor(db: Db, providerId: string, userId: string | null): Promise<Actor | null> {
  const active = () =>
    db.selectFrom('users').select(['id', 'role', 'provider_id']).where('provider_id', '=', providerId).where('active', '=', true).where('role', 'in', ['agent', 'manager', 'admin']);
  const user =
    (userId === null ? undefined : await active().where('id', '=', userId).executeTakeFirst()) ??
    (await active().where('role', '=', 'admin').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst());
  if (!user) return null;
  return { userId: user.id, providerId: user.provider_id, role: user.role, accountId: null, principal: `user:${user.id}`, via: 'session', account: null };
}
