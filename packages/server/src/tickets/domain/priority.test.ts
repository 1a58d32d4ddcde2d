import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { checkProjectForPriority, choosePriority, defaultPriorityOf, reclassify, type PriorityCatalog } from './priority.js';

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
    expect(choosePriority(latest('exotel'), 'sev2', null)).toEqual({ ok: true, value: 'sev2' });
  });

  it('refuses P1 for a non-production project, says why in the pack’s words and what to pick instead', () => {
    expect(choosePriority(twilioLike, 'P1', staging)).toMatchObject({
      ok: false,
      violation: {
        code: 'priority_restricted',
        message:
          'P1 (Business Critical) is only for production projects, and project "checkout-staging" is not a production project. Priority 1 is only available for production applications; it does not include development issues or problems in staging environments. Choose P3 (General Issue) instead, or file the ticket for a production project.',
        field: 'priority',
      },
    });
  });

  it('refuses P2 outside production too (seed 000: no development or staging problems), and accepts it in production', () => {
    expect(choosePriority(twilioLike, 'P2', staging)).toMatchObject({
      ok: false,
      violation: {
        code: 'priority_restricted',
        message:
          'P2 (Degraded Service) is only for production projects, and project "checkout-staging" is not a production project. Priority 2 does not include development issues or problems in staging environments. Choose P3 (General Issue) instead, or file the ticket for a production project.',
        field: 'priority',
      },
    });
    expect(choosePriority(twilioLike, 'P2', production)).toEqual({ ok: true, value: 'P2' });
    expect(choosePriority(twilioLike, 'P3', staging)).toEqual({ ok: true, value: 'P3' });
  });

  it('360dialog: critical and urgent are defined on the production environment', () => {
    const dialog = latest('360dialog');
    for (const priority of ['critical', 'urgent']) {
      const result = choosePriority(dialog, priority, staging);
      expect(result.ok ? null : result.violation.code).toBe('priority_restricted');
      expect(result.ok ? null : result.violation.message).toMatch(/production environment; problems elsewhere are Standard\. Choose standard \(Standard\) instead/);
      expect(choosePriority(dialog, priority, production)).toEqual({ ok: true, value: priority });
    }
    expect(choosePriority(dialog, 'critical', null)).toMatchObject({ ok: false, violation: { code: 'priority_restricted' } });
    expect(choosePriority(dialog, 'standard', null)).toEqual({ ok: true, value: 'standard' });
  });

  it('reads the restriction as a pack file writes it, too, with its reason or without one', () => {
    const written: PriorityCatalog = {
      priorities: [
        { id: 'P1', name: 'Business Critical', restrictions: { production_only: true, reason: 'Outages of live apps only.' } },
        { id: 'P2', name: 'Degraded Service', restrictions: { production_only: true } },
        { id: 'P3', name: 'General Issue' },
      ],
      defaultPriority: 'P3',
    };
    expect(choosePriority(written, 'P1', staging)).toMatchObject({
      ok: false,
      violation: { code: 'priority_restricted', message: expect.stringContaining('is not a production project. Outages of live apps only. Choose P3') },
    });
    expect(choosePriority(written, 'P2', staging)).toMatchObject({
      ok: false,
      violation: { message: expect.stringContaining('is not a production project. Choose P3 (General Issue) instead') },
    });
  });

  it('refuses P1 when no project is named', () => {
    const result = choosePriority(twilioLike, 'P1', null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violation.message).toContain('the ticket names no production project');
  });

  it('lists the valid priorities for an unknown one', () => {
    expect(choosePriority(twilioLike, 'urgent', production)).toMatchObject({
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
      reclassify(twilioLike, { from: 'P1', to: 'P3', reason: '  How-to question on a staging app ', actor: 'agent', project: production }),
    ).toEqual({
      ok: true,
      value: { from: 'P1', to: 'P3', direction: 'down', reason: 'How-to question on a staging app' },
    });
  });

  it('an agent moves a production ticket up to a restricted priority', () => {
    const result = reclassify(twilioLike, { from: 'P3', to: 'P1', reason: 'Outage confirmed', actor: 'agent', project: production });
    expect(result).toEqual({
      ok: true,
      value: { from: 'P3', to: 'P1', direction: 'up', reason: 'Outage confirmed' },
    });
  });

  it('the restrictions bind agents too: a non-production ticket is not raised to P2 or P1', () => {
    const toP2 = reclassify(twilioLike, { from: 'P3', to: 'P2', reason: 'Seems urgent', actor: 'agent', project: staging });
    expect(toP2).toMatchObject({
      ok: false,
      violation: {
        code: 'priority_restricted',
        message:
          'P2 (Degraded Service) is only for production projects, and project "checkout-staging" is not a production project. Priority 2 does not include development issues or problems in staging environments. Choose P3 (General Issue) instead, or set the ticket\'s project to a production project first.',
        field: 'priority',
      },
    });
    const noProject = reclassify(twilioLike, { from: 'P3', to: 'P1', reason: 'Outage', actor: 'agent', project: null });
    expect(noProject.ok ? null : noProject.violation.message).toContain('the ticket names no production project');
    // Down to the unrestricted priority is always possible.
    expect(reclassify(twilioLike, { from: 'P1', to: 'P3', reason: 'Staging only', actor: 'agent', project: staging }).ok).toBe(true);
  });

  it('needs a non-empty reason', () => {
    for (const reason of [undefined, null, '', '   ']) {
      const result = reclassify(twilioLike, { from: 'P2', to: 'P3', reason, actor: 'agent', project: production });
      expect(result.ok ? null : result.violation.code).toBe('reclassify_reason_required');
    }
  });

  it('customers cannot reclassify after creation', () => {
    const result = reclassify(twilioLike, { from: 'P3', to: 'P1', reason: 'urgent for us', actor: 'customer', project: production });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violation.code).toBe('reclassify_not_allowed');
      expect(result.violation.message).toContain('Reply on the ticket');
    }
  });

  it('refuses a change to the same priority and unknown priorities', () => {
    const same = reclassify(twilioLike, { from: 'P2', to: 'P2', reason: 'x', actor: 'agent', project: production });
    expect(same.ok ? null : same.violation.code).toBe('same_priority');
    const unknown = reclassify(twilioLike, { from: 'P2', to: 'P0', reason: 'x', actor: 'agent', project: production });
    expect(unknown.ok ? null : unknown.violation.message).toContain('"P0" is not a priority');
  });
});

describe('checkProjectForPriority', () => {
  it('a ticket at a production-only priority keeps a production project', () => {
    expect(checkProjectForPriority(twilioLike, 'P2', production)).toEqual({ ok: true, value: null });
    expect(checkProjectForPriority(twilioLike, 'P3', staging)).toEqual({ ok: true, value: null });
    const moved = checkProjectForPriority(twilioLike, 'P2', staging);
    expect(moved).toMatchObject({ ok: false, violation: { code: 'priority_restricted', field: 'project_id' } });
    expect(moved.ok ? null : moved.violation.message).toContain('Reclassify the ticket to a priority for any project first');
  });
});
