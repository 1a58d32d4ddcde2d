import { loadShippedPacks } from '@hourglass/policy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePriority } from '../../../server/src/tickets/domain/index.js';
import type { PriorityInfo, Project } from '../api/types.js';
import { testIntl } from '../i18n/build/testing.js';
import { verdictText } from '../intake/verdict-text.js';
import { choosablePriorities, restrictionOf } from './priority-choice.js';

const registry = await loadShippedPacks();
const project = (production: boolean, name = production ? 'Checkout' : 'Staging'): Project => ({ id: name.toLowerCase(), name, production }) as Project;

/** A pack version's priorities as the policies API gives them to the page. */
function prioritiesOf(packId: string): PriorityInfo[] {
  const version = registry.pack(packId).latest;
  return version.priorities.map((p) => ({ id: p.id, name: p.name, definition: '', examples: [], default: p.id === version.defaultPriority, production_only: p.production_only === true }));
}

describe('the new-ticket page’s priority choices and the service’s priority rule agree', () => {
  it('refuses exactly the priorities the service refuses, for any project or none, in every shipped pack', () => {
    for (const packId of registry.packIds()) {
      const version = registry.pack(packId).latest;
      const catalog = { priorities: version.priorities, defaultPriority: version.defaultPriority };
      const page = prioritiesOf(packId);
      fc.assert(
        fc.property(fc.constantFrom(...page), fc.option(fc.boolean(), { nil: undefined }), (priority, production) => {
          const chosen = production === undefined ? undefined : project(production);
          const service = choosePriority(catalog, priority.id, chosen ? { name: chosen.name, production: chosen.production } : null);
          const refused = restrictionOf(priority, chosen, page);
          expect(refused !== null).toBe(!service.ok && service.violation.code === 'priority_restricted');
          expect(choosablePriorities(page, chosen).some((p) => p.id === priority.id)).toBe(service.ok);
        }),
      );
    }
  });

  it('says why, and what to choose instead, in the reader’s language', () => {
    const twilio = prioritiesOf('twilio');
    const refused = restrictionOf(twilio[0], project(false), twilio)!;
    expect(verdictText(testIntl('en'), refused)).toBe('P1 Business Critical is only for production applications, and Staging is not a production project. Choose P3 General Issue, or choose a production project.');
    expect(verdictText(testIntl('de'), refused)).toContain('Staging ist kein Produktionsprojekt');
    expect(verdictText(testIntl('en'), restrictionOf(twilio[0], undefined, twilio)!)).toContain('no production project is chosen');
    expect(restrictionOf(twilio[0], project(true), twilio)).toBeNull();
  });
});
