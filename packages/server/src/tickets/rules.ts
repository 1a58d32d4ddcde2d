import { AppError, type ErrorCode } from '../errors.js';
import { type CatalogPackVersion, defaultPriorityOf } from '../policy/catalog.js';
import type { Outcome, PriorityCatalog } from './domain/index.js';

/** The pack version's priorities, as the ticket rules read them. */
export function priorityCatalogOf(version: CatalogPackVersion): PriorityCatalog {
  return {
    priorities: version.priorities.map((p) => ({
      id: p.id,
      name: p.name,
      restrictions: { production_only: p.production_only === true },
    })),
    defaultPriority: defaultPriorityOf(version),
  };
}

/** The value of an outcome of the ticket rules, or the rule's message as an error on `path`. */
export function unwrap<T>(outcome: Outcome<T, ErrorCode>, path: string): T {
  if (outcome.ok) return outcome.value;
  const { code, message } = outcome.violation;
  throw new AppError(code, message, [{ path, message }]);
}
