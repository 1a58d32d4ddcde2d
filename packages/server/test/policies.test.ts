import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { shippedPacksDir } from '@hourglass/policy';
import { ADMIN, CUSTOMER_A, startTestService, type TestService } from './support/app.js';

describe('policy packs and calendars as data', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService('pglite');
  });
  afterAll(async () => {
    await service?.close();
  });

  it('lists the packs with their versions, priorities, plans, metrics and calendars', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/api/v1/policies' });
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((p: { id: string }) => p.id);
    expect(ids.sort()).toEqual(['360dialog', 'exotel', 'twilio']);
    const twilio = (await service.app.inject({ method: 'GET', url: '/api/v1/policies/twilio' })).json();
    expect(twilio.current_version).toBe('2025-04');
    expect(twilio.versions.map((v: { id: string; effective_from: string }) => [v.id, v.effective_from])).toEqual([
      ['2020-01', '2020-01-01T00:00:00Z'],
      ['2025-04', '2025-04-01T07:00:00Z'],
    ]);
    const latest = twilio.versions[1];
    expect(latest.priorities[0]).toMatchObject({ id: 'P1', name: 'Business Critical', production_only: true, default: false });
    expect(latest.priorities[2]).toMatchObject({ id: 'P3', default: true });
    expect(latest.calendars).toEqual([
      { id: 'twilio-business-hours', name: expect.any(String), zone: 'America/Los_Angeles', always_open: false },
      { id: '24x7', name: 'Around the clock', zone: 'America/Los_Angeles', always_open: true },
    ]);
    const exotel = (await service.app.inject({ method: 'GET', url: '/api/v1/policies/exotel' })).json();
    expect(exotel.versions[0].plans[1]).toMatchObject({ id: 'sme', aliases: ['smb'], calendar: 'exotel-sme' });
  });

  it('shows which plans include escalation, its reasons and response target, and the partner tiers with a growth manager', async () => {
    const twilio = (await service.app.inject({ method: 'GET', url: '/api/v1/policies/twilio' })).json();
    const latest = twilio.versions.find((v: { id: string }) => v.id === '2025-04');
    expect(latest.escalation).toEqual({
      plans: ['personalized'],
      reasons: [
        { id: 'no_meaningful_response', label: expect.stringContaining('meaningful response') },
        { id: 'critical_blocker', label: expect.stringContaining('critical blocker') },
      ],
      response_target: { duration: '1h', calendar: '24x7' },
    });
    expect(latest.partner_tiers).toEqual([]);
    const dialog = (await service.app.inject({ method: 'GET', url: '/api/v1/policies/360dialog' })).json();
    const current = dialog.versions.find((v: { id: string }) => v.id === dialog.current_version);
    expect(current.escalation).toBeNull();
    expect(current.partner_tiers.map((t: { id: string; growth_manager: boolean; growth_manager_requires_ticket: boolean }) => [t.id, t.growth_manager, t.growth_manager_requires_ticket])).toEqual([
      ['silver', true, true],
      ['gold', true, true],
      ['platinum', true, true],
    ]);
  });

  it('lists every plan × priority × metric of a version with its duration and calendar, or no target', async () => {
    const twilio = (await service.app.inject({ method: 'GET', url: '/api/v1/policies' })).json().items.find((p: { id: string }) => p.id === 'twilio');
    const latest = twilio.versions.find((v: { id: string }) => v.id === '2025-04');
    type Row = { plan: string; priority: string; metric: string; duration: string | null; duration_ms: number | null; calendar: string | null };
    const at = (plan: string, priority: string) => latest.targets.find((t: Row) => t.plan === plan && t.priority === priority && t.metric === 'first_response');
    expect(latest.targets).toHaveLength(latest.plans.length * latest.priorities.length * latest.metrics.length);
    expect(at('premium', 'P1')).toEqual({ plan: 'premium', priority: 'P1', metric: 'first_response', duration: '1h', duration_ms: 3_600_000, calendar: '24x7' });
    expect(at('premium', 'P2')).toEqual({ plan: 'premium', priority: 'P2', metric: 'first_response', duration: '2h', duration_ms: 7_200_000, calendar: 'twilio-business-hours' });
    expect(at('bootstrap', 'P3')).toMatchObject({ duration: '8h', calendar: 'twilio-business-hours' });
    expect(at('free', 'P1')).toMatchObject({ duration: null, duration_ms: null, calendar: null });
    expect(latest.targets.slice(0, 2).map((t: Row) => [t.plan, t.priority])).toEqual([
      ['free', 'P1'],
      ['free', 'P2'],
    ]);
  });

  it("answers a calendar's open periods and holidays in its zone", async () => {
    const url = '/api/v1/policies/twilio/calendars/twilio-business-hours/open-periods?from=2026-11-25T12:00:00-08:00&days=7';
    const body = (await service.app.inject({ method: 'GET', url })).json();
    expect(body.open.slice(0, 3)).toEqual([
      { start: '2026-11-25T12:00:00-08:00', end: '2026-11-25T18:00:00-08:00' },
      { start: '2026-11-30T06:00:00-08:00', end: '2026-11-30T18:00:00-08:00' },
      { start: '2026-12-01T06:00:00-08:00', end: '2026-12-01T18:00:00-08:00' },
    ]);
    expect(body.holidays).toEqual([
      { date: '2026-11-26', name: 'Thanksgiving Day' },
      { date: '2026-11-27', name: 'Day after Thanksgiving' },
    ]);
  });

  it('names what exists when a pack or calendar is unknown, and refuses bad ranges', async () => {
    const pack = await service.app.inject({ method: 'GET', url: '/api/v1/policies/acme' });
    expect(pack.statusCode).toBe(404);
    expect(pack.json().error.message).toMatch(/packs: .*twilio/);
    const calendar = await service.app.inject({ method: 'GET', url: '/api/v1/policies/exotel/calendars/moon/open-periods' });
    expect(calendar.statusCode).toBe(404);
    expect(calendar.json().error.message).toMatch(/calendars: 24x7, exotel-sme/);
    const days = await service.app.inject({ method: 'GET', url: '/api/v1/policies/exotel/calendars/24x7/open-periods?days=999' });
    expect(days.statusCode).toBe(400);
    expect(JSON.stringify(days.json().error.issues)).toMatch(/days/);
  });

  it('validates an uploaded pack for admins, with every problem at its line', async () => {
    const admin = await service.signIn(ADMIN);
    const text = await readFile(`${shippedPacksDir()}exotel.yaml`, 'utf8');
    const ok = await service.request(admin, { method: 'POST', url: '/api/v1/policies/validate', payload: { file: 'exotel.yaml', text } });
    expect(ok.json()).toMatchObject({ valid: true, pack: { id: 'exotel', plans: ['enterprise', 'sme'] }, problems: [] });
    const broken = text.replace('zone: Asia/Kolkata', 'zone: Asia/Kolkatta').replace('sev1: 2h', 'sev1: -2h');
    const bad = (await service.request(admin, { method: 'POST', url: '/api/v1/policies/validate', payload: { file: 'exotel.yaml', text: broken } })).json();
    expect(bad.valid).toBe(false);
    expect(bad.problems.map((p: { path: string; line: number }) => [p.path, p.line])).toEqual(
      expect.arrayContaining([
        ['versions[0].calendars[0].zone', 13],
        ['versions[0].plans[0].targets.response.sev1', expect.any(Number)],
      ]),
    );
    const customer = await service.signIn(CUSTOMER_A);
    expect((await service.request(customer, { method: 'POST', url: '/api/v1/policies/validate', payload: { text } })).statusCode).toBe(403);
    expect((await service.request(null, { method: 'POST', url: '/api/v1/policies/validate', payload: { text } })).statusCode).toBe(401);
  });
});
