import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { PolicyRegistry } from '@hourglass/policy';
import type { WebhookGuard } from '../notify/webhook-destination.js';

/** What every feature's routes and services are given. */
export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The policy packs (`policy/catalog.ts` reads them as a `PolicyCatalog`). */
  registry: PolicyRegistry;
  /** Where webhooks may point; unset: public addresses only. */
  webhookGuard?: WebhookGuard;
}
