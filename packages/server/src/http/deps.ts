import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import type { WebhookGuard } from '../notify/webhook-destination.js';

/** What every feature's routes and services are given. */
export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  registry: PolicyCatalog;
  /** Where webhooks may point; unset: public addresses only. */
  webhookGuard?: WebhookGuard;
}
