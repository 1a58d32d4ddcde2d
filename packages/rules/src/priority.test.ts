import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishText } from './english.js';
import { allowedPriorities, priorityRestriction, type PriorityOption } from './priority.js';

const twilio: PriorityOption[] = [
  { id: 'P1', name: 'Business Critical', production_only: true, restriction_reason: ' Outages of live apps only. ' },
  { id: 'P2', name: 'Degraded Service', restrictions: { production_only: true } },
  { id: 'P3', name: 'General Issue' },
  { id: 'P4', name: 'Question' },
];
const staging = { name: 'Staging', production: false };
const live = { name: 'Live', production: true };

describe('priority restrictions', () => {
  it('a production-only priority needs a production project; the verdict names what may be chosen instead', () => {
    expect(priorityRestriction(twilio[0]!, live, twilio)).toBeNull();
    expect(priorityRestriction(twilio[2]!, staging, twilio)).toBeNull();
    const refused = priorityRestriction(twilio[0]!, staging, twilio);
    expect(refused).toEqual({
      code: 'priority.choice.productionOnly',
      args: { priority: 'P1', name: 'Business Critical', project: 'Staging', reason: 'Outages of live apps only.', alternatives: ['P3', 'P4'], alternativeNames: ['General Issue', 'Question'] },
    });
    expect(englishText(refused!)).toBe('P1 (Business Critical) is only for production projects, and project "Staging" is not a production project. Outages of live apps only.');
  });

  it('a ticket that names no project cannot have a production-only priority either', () => {
    const refused = priorityRestriction(twilio[1]!, null, twilio);
    expect(refused?.args).toMatchObject({ project: null, reason: null });
    expect(englishText(refused!)).toBe('P2 (Degraded Service) is only for production projects, and the ticket names no production project.');
  });

  it('the allowed priorities are exactly those without a restriction verdict, in the pack’s order', () => {
    const option = fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), name: fc.string(), production_only: fc.option(fc.boolean(), { nil: undefined }) });
    const project = fc.option(fc.record({ name: fc.string(), production: fc.boolean() }), { nil: null });
    fc.assert(
      fc.property(fc.array(option, { maxLength: 6 }), project, (all, p) => {
        expect(allowedPriorities(all, p)).toEqual(all.filter((o) => priorityRestriction(o, p, all) === null));
      }),
    );
  });
});
