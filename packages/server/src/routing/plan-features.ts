import type { Account } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PolicyCatalog } from '../policy/catalog.js';

type PlannedAccount = Pick<Account, 'id' | 'pack_id' | 'plan'>;

/**
 * The account's plan cannot be read from the policy catalog (an unknown pack or plan, or no version
 * in force): routing and the phone line cannot tell what the plan includes. A server error naming the
 * account, logged by the HTTP layer, instead of reading as "the plan does not include it".
 */
export class PlanNotResolvable extends AppError {
  constructor(account: PlannedAccount, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('internal', `The plan "${account.plan}" of account ${account.id} (policy pack "${account.pack_id}") cannot be read from the policy catalog: ${reason}. Fix the account's plan or the pack.`);
    this.cause = cause;
  }
}

/** Whether the account's plan in force at `at` includes `feature` (e.g. `phone_line`, `account_managers`). */
export function planIncludes(registry: PolicyCatalog, account: PlannedAccount, feature: string, at: number): boolean {
  let includes: readonly string[];
  try {
    includes = registry.pack(account.pack_id).versionAt(at).plan(account.plan).includes ?? [];
  } catch (error) {
    throw new PlanNotResolvable(account, error);
  }
  return includes.includes(feature);
}
