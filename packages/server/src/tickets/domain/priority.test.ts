import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { choosePriority, defaultPriorityOf, reclassify, type PriorityCatalog } from './priority.js';

const registry = await loadShippedPacks();
const latest = (pack: string): PriorityCatalog => registry.pack(pack).latest;
const twilioLike = latest('twilio');
const production = { name: 'checkout', production: true };
const staging = { name: 'checkout-staging', production: false };

describe('defaultPriorityOf', () => {
  it('is the pack default: twilio P3, 360dialog standard, exotel sev3', () => {
    expect(defaultPriorityOf(latest('twilio'))).toBe('P3');
    expect(defaultPriorityOf(latest('360dialog'))).toBe('standard');
    expect(defaultPriorityOf(latest('exotel'))).toBe('sev3');
  });
});

describe('choosePriority', () => {
  it('uses the pack default when the customer chooses none', () => {
    expect(choosePriority(twilioLike, undefined, staging)).toEqual({ ok: true, value: 'P3' });
    expect(choosePriority(twilioLike, null, null)).toEqual({ ok: true, value: 'P3' });
    expect(choosePriority(twilioLike, '', production)).toEqual({ ok: true, value: 'P3' });
  });

  it('accepts P1 for a production project', () => {
    expect(choosePriority(twilioLike, 'P1', production)).toEqual({ ok: true, value: 'P1' });
  });

  it('packs without restrictions accept any of their priorities for any project', () => {
    expect(choosePriority(latest('exotel'), 'sev1', staging)).toEqual({ ok: true, value: 'sev1' });
    expect(choosePriority(latest('360dialog'), 'critical', null)).toEqual({ ok: true, value: 'critical' });
  });

  it('refuses P1 for a non-production project, says why and what to pick instead', () => {
    expect(choosePriority(twilioLike, 'P1', staging)).toEqual({
      ok: false,
      violation: {
        code: 'priority_restricted',
        message:
          'P1 (Business Critical) is only for production applications, and project "checkout-staging" is not a production project. Choose P2 (Degraded Service) or P3 (General Issue) instead, or file the ticket for a production project.',
        field: 'priority',
      },
    });
  });

  it('reads the restriction as a pack file writes it, too', () => {
    const written: PriorityCatalog = {
      priorities: [
        { id: 'P1', name: 'Business Critical', restrictions: { production_only: true } },
        { id: 'P3', name: 'General Issue' },
      ],
      defaultPriority: 'P3',
    };
    expect(choosePriority(written, 'P1', staging)).toMatchObject({ ok: false, violation: { code: 'priority_restricted' } });
  });

  it('refuses P1 when no project is named', () => {
    const result = choosePriority(twilioLike, 'P1', null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violation.message).toContain('the ticket names no production project');
  });

  it('lists the valid priorities for an unknown one', () => {
    expect(choosePriority(twilioLike, 'urgent', production)).toEqual({
      ok: false,
      violation: {
        code: 'unknown_priority',
        message:
          '"urgent" is not a priority of this support plan; use one of P1 (Business Critical), P2 (Degraded Service), P3 (General Issue).',
        field: 'priority',
      },
    });
  });
});

describe('reclassify', () => {
  it('an agent moves a ticket down with a reason', () => {
    expect(
      reclassify(twilioLike, { from: 'P1', to: 'P3', reason: '  How-to question on a staging app ', actor: 'agent' }),
    ).toEqual({
      ok: true,
      value: { from: 'P1', to: 'P3', direction: 'down', reason: 'How-to question on a staging app' },
    });
  });

  it('an agent moves a ticket up, even to a restricted priority', () => {
    const result = reclassify(twilioLike, { from: 'P3', to: 'P1', reason: 'Outage confirmed', actor: 'agent' });
    expect(result).toEqual({
      ok: true,
      value: { from: 'P3', to: 'P1', direction: 'up', reason: 'Outage confirmed' },
    });
  });

  it('needs a non-empty reason', () => {
    for (const reason of [undefined, null, '', '   ']) {
      const result = reclassify(twilioLike, { from: 'P2', to: 'P3', reason, actor: 'agent' });
      expect(result.ok ? null : result.violation.code).toBe('reclassify_reason_required');
    }
  });

  it('customers cannot reclassify after creation', () => {
    const result = reclassify(twilioLike, { from: 'P3', to: 'P1', reason: 'urgent for us', actor: 'customer' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violation.code).toBe('reclassify_not_allowed');
      expect(result.violation.message).toContain('Reply on the ticket');
    }
  });

  it('refuses a change to the same priority and unknown priorities', () => {
    const same = reclassify(twilioLike, { from: 'P2', to: 'P2', reason: 'x', actor: 'agent' });
    expect(same.ok ? null : same.violation.code).toBe('same_priority');
    const unknown = reclassify(twilioLike, { from: 'P2', to: 'P0', reason: 'x', actor: 'agent' });
    expect(unknown.ok ? null : unknown.violation.message).toContain('"P0" is not a priority');
  });
});
