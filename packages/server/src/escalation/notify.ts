import type { Kysely } from 'kysely';
import type { Account, Database, NotificationRecipient, Ticket } from '../db/schema.js';
import type { Notified } from './rules.js';

/** Who the escalation alerts, as user ids and roles, from the policy's list and the ticket's people. */
export async function escalationRecipients(
  db: Kysely<Database>,
  ticket: Pick<Ticket, 'assignee_id'>,
  account: Pick<Account, 'primary_manager_id' | 'secondary_manager_id' | 'growth_manager_id'>,
  notify: readonly Notified[],
): Promise<NotificationRecipient[]> {
  const users: string[] = [];
  const roles: NotificationRecipient[] = [];
  for (const who of notify) {
    switch (who) {
      case 'assignee_manager': {
        if (ticket.assignee_id === null) break;
        const assignee = await db.selectFrom('users').select('manager_id').where('id', '=', ticket.assignee_id).executeTakeFirst();
        if (assignee?.manager_id) users.push(assignee.manager_id);
        break;
      }
      case 'support_management':
        roles.push({ role: 'manager' });
        break;
      case 'account_managers':
        for (const id of [account.primary_manager_id, account.secondary_manager_id]) if (id) users.push(id);
        break;
      case 'growth_manager':
        if (account.growth_manager_id) users.push(account.growth_manager_id);
        break;
    }
  }
  return [...[...new Set(users)].map((user_id) => ({ user_id })), ...roles];
}
