import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import type { Account, PolicyInfo, User } from '../api/types.js';
import { changesOf, draftOf, planChoices, staffChoices, tierChoices } from './account-form.js';

const account: Account = {
  id: 'a1',
  name: 'Dunmore Savings Bank',
  pack_id: 'twilio',
  plan: 'personalized',
  pack_version: '2025-04',
  partner_tier: null,
  languages: ['en'],
  primary_manager_id: 'u1',
  secondary_manager_id: null,
  growth_manager_id: null,
  team_id: null,
  phone_pin: '482913',
  email_deliverability: true,
  projects: [],
  created_at: '2026-01-05T09:00:00.000Z',
  updated_at: '2026-01-05T09:00:00.000Z',
};

const version = (id: string, plans: string[], tiers: { id: string; name: string }[] = []) => ({
  id,
  plans: plans.map((p) => ({ id: p, name: p[0]!.toUpperCase() + p.slice(1), aliases: [], calendar: 'c', includes: [] })),
  partner_tiers: tiers.map((t) => ({ ...t, growth_manager: true, growth_manager_requires_ticket: true })),
});
const packs = [
  { id: 'twilio', name: 'Twilio', current_version: '2025-04', versions: [version('2020-01', ['legacy']), version('2025-04', ['free', 'premium', 'personalized'])] },
  { id: '360dialog', name: '360dialog', current_version: 'v1', versions: [version('v1', ['standard'], [{ id: 'gold', name: 'Gold partner' }])] },
] as unknown as PolicyInfo[];

describe('the account form', () => {
  it('offers the plans of the version of the account’s pack in force now, keeping a plan that version dropped', () => {
    expect(planChoices(packs, account)).toEqual([
      { id: 'free', label: 'Free' },
      { id: 'premium', label: 'Premium' },
      { id: 'personalized', label: 'Personalized' },
    ]);
    expect(planChoices(packs, { ...account, plan: 'legacy', pack_version: '2020-01' })[0]).toEqual({ id: 'legacy', label: 'legacy (version 2020-01)' });
  });

  it('shows a plan id that differs from its name', () => {
    const renamed = [{ ...packs[0]!, versions: [{ ...version('2025-04', []), plans: [{ id: 'pro', name: 'Professional', aliases: [], calendar: 'c', includes: [] }] }] }] as unknown as PolicyInfo[];
    expect(planChoices(renamed, { ...account, plan: 'pro' })).toEqual([{ id: 'pro', label: 'Professional (pro)' }]);
  });

  it('names the partner tiers as the pack does, and offers staff only as managers', () => {
    expect(tierChoices(packs, { ...account, pack_id: '360dialog' })).toEqual([
      { id: 'silver', label: 'silver' },
      { id: 'gold', label: 'Gold partner' },
      { id: 'platinum', label: 'platinum' },
    ]);
    const users = [
      { id: 'c', name: 'Evan Holloway', role: 'customer' },
      { id: 'b', name: 'Lena Vogt', role: 'agent' },
      { id: 'a', name: 'Jordan Blake', role: 'agent' },
    ] as User[];
    expect(staffChoices(users)).toEqual([
      { id: 'a', label: 'Jordan Blake (agent)' },
      { id: 'b', label: 'Lena Vogt (agent)' },
    ]);
  });

  it('sends only what changed, with empty choices as null', () => {
    expect(changesOf(account, draftOf(account))).toEqual({ ok: true, body: {} });
    const draft = { ...draftOf(account), plan: 'premium', secondary_manager_id: 'u2', primary_manager_id: '', phone_pin: ' ', languages: 'en, de', partner_tier: 'gold' };
    expect(changesOf(account, draft)).toEqual({
      ok: true,
      body: { plan: 'premium', secondary_manager_id: 'u2', primary_manager_id: null, phone_pin: null, languages: ['en', 'de'], partner_tier: 'gold' },
    });
    // The PIN is the service's to check.
    expect(changesOf(account, { ...draftOf(account), phone_pin: '12ab' })).toEqual({ ok: true, body: { phone_pin: '12ab' } });
  });

  it('refuses an empty name or no language before sending', () => {
    expect(changesOf(account, { ...draftOf(account), name: ' ', languages: ', ' })).toEqual({
      ok: false,
      errors: { name: 'Give the account a name.', languages: 'Give at least one language code, such as en.', '': 'Some fields need a change; see the messages at them.' },
    });
  });
});

describe('the account form in the language shown', () => {
  afterEach(async () => {
    await useLanguage('en');
  });

  it('names roles, tiers and an older plan, and says what is missing, in German', async () => {
    await useLanguage('de');
    expect(staffChoices([{ id: 'a', name: 'Jordan Blake', role: 'manager' }] as User[])).toEqual([{ id: 'a', label: 'Jordan Blake (Manager)' }]);
    expect(tierChoices(packs, account).map((t) => t.label)).toEqual(['Silber', 'Gold', 'Platin']);
    expect(planChoices(packs, { ...account, plan: 'legacy', pack_version: '2020-01' })[0]).toEqual({ id: 'legacy', label: 'legacy (Version 2020-01)' });
    expect(changesOf(account, { ...draftOf(account), name: '', languages: '' })).toEqual({
      ok: false,
      errors: {
        name: 'Geben Sie dem Konto einen Namen.',
        languages: 'Geben Sie mindestens einen Sprachcode an, zum Beispiel en.',
        '': 'Einige Felder müssen geändert werden; bitte beachten Sie die Hinweise dort.',
      },
    });
  });
});
