import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { loadPackFile, loadShippedPacks, packJsonSchema, parsePack, PolicyError, PolicyRegistry, shippedPacksDir } from '@hourglass/policy';
import { MINIMAL } from './fixtures.js';

function compiled() {
  const result = parsePack(MINIMAL, 'pack.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

describe('compiled packs', () => {
  it('picks the version in force at an instant', () => {
    const pack = compiled();
    expect(pack.versionAt(Date.parse('2024-06-01T00:00:00Z')).id).toBe('v1');
    expect(pack.versionAt(Date.parse('2024-12-31T23:00:00Z')).id).toBe('v2');
    expect(() => pack.versionAt(Date.parse('2023-06-01T00:00:00Z'))).toThrow(/no version in force at 2023-06-01T00:00:00Z; its first version \(v1\)/);
    expect(() => pack.version('v9')).toThrow(/versions: v1, v2/);
  });

  it('resolves targets by plan id or alias, on the plan calendar or the one named', () => {
    const v = compiled().latest;
    expect(v.resolveTarget('au', 'low', 'first_response')).toMatchObject({ duration: 4 * 3600_000, calendarId: 'office' });
    expect(v.resolveTarget('gold', 'high', 'first_response')).toMatchObject({ duration: 3600_000, calendarId: '24x7' });
    expect(v.resolveTarget('free', 'high', 'first_response')).toBeNull();
    expect(v.plan('au').id).toBe('gold');
    expect(v.defaultPriority).toBe('low');
    expect(v.metrics).toEqual([{ id: 'first_response', kind: 'first_response', name: 'first_response', paused_by: ['pending'] }]);
  });

  it('explains unknown plans, priorities, metrics and calendars with the valid choices', () => {
    const v = compiled().latest;
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof PolicyError ? `${error.code}: ${error.message}` : String(error);
      }
      return 'no error';
    };
    expect(codeOf(() => v.resolveTarget('silver', 'low', 'first_response'))).toMatch(/^unknown_plan: unknown plan "silver" .*plans: gold, free, au \(= gold\)/);
    expect(codeOf(() => v.resolveTarget('gold', 'P1', 'first_response'))).toMatch(/^unknown_priority: .*priorities: high, low/);
    expect(codeOf(() => v.resolveTarget('gold', 'low', 'resolution'))).toMatch(/^unknown_metric: .*metrics: first_response/);
    expect(codeOf(() => v.calendar('moon'))).toMatch(/^unknown_calendar: .*office, 24x7/);
    expect(codeOf(() => new PolicyRegistry([compiled()]).pack('zz'))).toMatch(/^unknown_pack: unknown policy "zz"; known policies: acme/);
    expect(codeOf(() => new PolicyRegistry([compiled(), compiled()]))).toMatch(/^duplicate_pack/);
  });

  it('throws invalid_pack listing every problem when a file is broken', async () => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/hourglass-pack-');
    await writeFile(`${dir}/bad.yaml`, MINIMAL.replace('zone: UTC', 'zone: Mars/Base'));
    await expect(loadPackFile(`${dir}/bad.yaml`)).rejects.toMatchObject({ code: 'invalid_pack', problems: [expect.objectContaining({ path: 'versions[0].calendars[1].zone' })] });
  });
});

describe('shipped packs', () => {
  it('has exactly the ids, plans, priorities, metrics and calendars of the product table', async () => {
    const registry = await loadShippedPacks();
    expect(registry.packIds().sort()).toEqual(['360dialog', 'exotel', 'twilio']);
    const now = Date.parse('2026-11-23T12:00:00Z');
    const twilio = registry.pack('twilio').versionAt(now);
    expect(twilio.planIds()).toEqual(['free', 'bootstrap', 'premium', 'personalized']);
    expect(twilio.priorities.map((p) => [p.id, p.name])).toEqual([['P1', 'Business Critical'], ['P2', 'Degraded Service'], ['P3', 'General Issue']]);
    expect(twilio.defaultPriority).toBe('P3');
    expect(twilio.priority('P1').production_only).toBe(true);
    expect(twilio.calendarIds()).toEqual(['twilio-business-hours', '24x7']);
    expect(twilio.lifecycle).toEqual({ calendar: 'twilio-business-hours', pending_reminder_business_days: 5, auto_solve_business_days: 10 });
    expect(twilio.channelsWithoutSla).toEqual(['chat']);
    const d360 = registry.pack('360dialog').versionAt(now);
    expect(d360.planIds()).toEqual(['standard', 'premium']);
    expect(d360.priorities.map((p) => p.id)).toEqual(['critical', 'urgent', 'standard']);
    expect(d360.clockStart).toBe('on_intake_complete');
    expect(d360.languages.map((l) => l.id)).toEqual(['en', 'pt-BR', 'de', 'es', 'ru']);
    const exotel = registry.pack('exotel').versionAt(now);
    expect(exotel.planIds()).toEqual(['enterprise', 'sme']);
    expect(exotel.plan('smb').id).toBe('sme');
    expect(exotel.metrics.map((m) => [m.id, m.kind])).toEqual([
      ['acknowledgment', 'acknowledgment'],
      ['response', 'first_response'],
      ['next_update', 'next_update'],
    ]);
    expect(exotel.priorities.map((p) => p.id)).toEqual(['sev1', 'sev2', 'sev3', 'sev4']);
  });

  it('states which priorities are for production only, with the reason in the provider’s terms', async () => {
    const registry = await loadShippedPacks();
    const now = Date.parse('2026-11-23T12:00:00Z');
    const restricted = (pack: string) =>
      registry
        .pack(pack)
        .versionAt(now)
        .priorities.filter((p) => p.production_only)
        .map((p) => p.id);
    // Seed 000: P1 "only available for production applications"; P1 and P2 "do not include
    // development issues or problems in staging environments". Seed 002: critical and urgent are
    // defined on the production environment.
    expect(restricted('twilio')).toEqual(['P1', 'P2']);
    expect(restricted('360dialog')).toEqual(['critical', 'urgent']);
    expect(restricted('exotel')).toEqual([]);
    const twilio = registry.pack('twilio').versionAt(now);
    expect(twilio.priority('P2').restriction_reason).toBe('Priority 2 does not include development issues or problems in staging environments.');
    expect(twilio.priority('P1').restriction_reason).toContain('only available for production applications');
    expect(twilio.priority('P3').restriction_reason).toBeNull();
  });

  it('offers the channels and languages of each provider’s policy', async () => {
    const registry = await loadShippedPacks();
    const now = Date.parse('2026-11-23T12:00:00Z');
    const twilio = registry.pack('twilio').versionAt(now);
    expect(twilio.channels).toEqual(['web', 'api', 'email', 'phone', 'chat']);
    expect(twilio.channelsWithoutSla).toEqual(['chat']);
    // Seed 002: "only through the 360 Hub" (its form and API); no mail, no phone.
    const d360 = registry.pack('360dialog').versionAt(now);
    expect(d360.channels).toEqual(['web', 'api']);
    expect(d360.languages.map((l) => l.id)).toEqual(['en', 'pt-BR', 'de', 'es', 'ru']);
    // Seed 003: the dashboard chat widget and WhatsApp, both with the targets of Table B.
    const exotel = registry.pack('exotel').versionAt(now);
    expect(exotel.channels).toEqual(['web', 'api', 'chat']);
    expect(exotel.channelsWithoutSla).toEqual([]);
  });

  it('exotel: further updates within the response time frames of Table B, on both plans', async () => {
    const exotel = (await loadShippedPacks()).pack('exotel').versionAt(Date.parse('2026-11-23T12:00:00Z'));
    const hours = (plan: string, priority: string) => (exotel.resolveTarget(plan, priority, 'next_update')?.duration ?? 0) / 3_600_000;
    for (const plan of ['enterprise', 'sme']) {
      expect([hours(plan, 'sev1'), hours(plan, 'sev2'), hours(plan, 'sev3'), hours(plan, 'sev4')]).toEqual([2, 5, 24, 24]);
    }
    expect(exotel.resolveTarget('sme', 'sev1', 'next_update')?.calendarId).toBe('exotel-sme');
    expect(exotel.resolveTarget('enterprise', 'sev1', 'next_update')?.calendarId).toBe('24x7');
  });

  it('twilio: MMS message SIDs (MM…) are message identifiers; the short messaging form wants 48 hours', async () => {
    const twilio = (await loadShippedPacks()).pack('twilio').versionAt(Date.parse('2026-11-23T12:00:00Z'));
    expect(twilio.intake?.sid_format?.kinds).toMatchObject({ SM: 'SMS message', MM: 'MMS message' });
    const messaging = twilio.intake!.forms.find((f) => f.id === 'messaging')!;
    expect(messaging.fields.find((f) => f.id === 'message_sids')?.sid_prefixes).toEqual(['SM', 'MM']);
    expect(messaging.fields.find((f) => f.id === 'examples_at')?.recency).toEqual({ ok_within: '72h' });
    expect(messaging.abridged?.recency).toEqual({ examples_at: { ok_within: '48h' } });
    expect(twilio.intake!.forms.find((f) => f.id === 'other')!.fields.find((f) => f.id === 'sids')?.sid_prefixes).toContain('MM');
  });

  it('keeps the terms in force when a ticket opened: twilio 2025-04 binds from 1 April 2025 Pacific', async () => {
    const twilio = (await loadShippedPacks()).pack('twilio');
    expect(twilio.versionAt(Date.parse('2025-04-01T06:59:59Z')).id).toBe('2020-01');
    expect(twilio.versionAt(Date.parse('2025-04-01T07:00:00Z')).id).toBe('2025-04');
    expect(twilio.version('2020-01').availability?.packages).toBeUndefined();
    expect(twilio.version('2025-04').availability?.packages?.[0]).toMatchObject({ component: 'mail-send', threshold: 99.99 });
  });

  it('ships a JSON Schema file that matches the schema in the code', async () => {
    const file = JSON.parse(await readFile(new URL('../schema/policy-pack.schema.json', import.meta.url), 'utf8'));
    // Regenerate with: node packages/cli/bin/hourglass.js policy schema > packages/policy/schema/policy-pack.schema.json
    expect(file).toEqual(packJsonSchema());
    expect(shippedPacksDir()).toMatch(/packages\/policy\/packs\/$/);
  });
});
