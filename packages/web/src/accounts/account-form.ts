/** An account's editable fields as form text, the choices offered for them, and the changes to send. */
import { type Account, PARTNER_TIERS, type PolicyInfo, type Team, type User } from '../api/types.js';
import { activeIntl } from '../i18n/active.js';
import { roleLabel } from '../people/labels.js';

export interface Choice {
  id: string;
  label: string;
}

/** The form's values; an empty string is "none" for the choices and the PIN. */
export interface AccountDraft {
  name: string;
  plan: string;
  partner_tier: string;
  languages: string;
  team_id: string;
  primary_manager_id: string;
  secondary_manager_id: string;
  growth_manager_id: string;
  phone_pin: string;
  email_deliverability: boolean;
}

export const MANAGER_FIELDS = ['primary_manager_id', 'secondary_manager_id', 'growth_manager_id'] as const;

/** The request fields the form shows; the service's messages about them go to these fields. */
export const ACCOUNT_FIELDS = ['name', 'plan', 'pack_id', 'partner_tier', 'languages', 'team_id', ...MANAGER_FIELDS, 'phone_pin', 'email_deliverability'] as const;

export function draftOf(account: Account): AccountDraft {
  return {
    name: account.name,
    plan: account.plan,
    partner_tier: account.partner_tier ?? '',
    languages: account.languages.join(', '),
    team_id: account.team_id ?? '',
    primary_manager_id: account.primary_manager_id ?? '',
    secondary_manager_id: account.secondary_manager_id ?? '',
    growth_manager_id: account.growth_manager_id ?? '',
    phone_pin: account.phone_pin ?? '',
    email_deliverability: account.email_deliverability ?? false,
  };
}

/** The plans of the version of the account's pack in force now; the account's own plan is kept even when that version no longer has it. */
export function planChoices(packs: readonly PolicyInfo[], account: Account): Choice[] {
  const pack = packs.find((p) => p.id === account.pack_id);
  const version = pack?.versions.find((v) => v.id === pack.current_version);
  const intl = activeIntl();
  const plans: Choice[] = (version?.plans ?? []).map((p) => ({
    id: p.id,
    label: p.name.toLowerCase() === p.id.toLowerCase() ? p.name : intl.formatMessage({ id: 'accounts.form.planWithId' }, { name: p.name, id: p.id }),
  }));
  if (!plans.some((p) => p.id === account.plan)) {
    plans.unshift({ id: account.plan, label: intl.formatMessage({ id: 'accounts.form.planOfOtherVersion' }, { plan: account.plan, version: account.pack_version }) });
  }
  return plans;
}

/** A partner tier's id in words (`silver`, `Silber`), for a pack that gives it no name. */
export function tierLabel(tier: string): string {
  return activeIntl().formatMessage({ id: 'accounts.form.tier' }, { tier });
}

/** The partner tiers, named as the account's pack names them. */
export function tierChoices(packs: readonly PolicyInfo[], account: Account): Choice[] {
  const pack = packs.find((p) => p.id === account.pack_id);
  const named = pack?.versions.find((v) => v.id === pack.current_version)?.partner_tiers ?? [];
  return PARTNER_TIERS.map((id) => ({ id, label: named.find((t) => t.id === id)?.name ?? tierLabel(id) }));
}

/** Provider staff who may manage an account, by name. */
export function staffChoices(users: readonly User[]): Choice[] {
  return users
    .filter((u) => u.role !== 'customer')
    .map((u) => ({ id: u.id, label: activeIntl().formatMessage({ id: 'accounts.form.staffChoice' }, { name: u.name, role: roleLabel(u.role) }) }))
    .sort((a, b) => a.label.localeCompare(b.label, activeIntl().locale));
}

export const teamChoices = (teams: readonly Team[]): Choice[] => teams.map((t) => ({ id: t.id, label: t.name }));

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The `PATCH /api/v1/accounts/:id` body with only the fields that differ from the account (sending
 * the plan again would put the account on the newest version of its pack), or the messages for
 * fields the form can check itself. The PIN is left for the service to check.
 */
export function changesOf(account: Account, draft: AccountDraft): { ok: true; body: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const languages = draft.languages.split(/[\s,]+/).filter((l) => l !== '');
  const intl = activeIntl();
  if (draft.name.trim() === '') errors.name = intl.formatMessage({ id: 'accounts.form.nameMissing' });
  if (languages.length === 0) errors.languages = intl.formatMessage({ id: 'accounts.form.languagesMissing' });
  if (Object.keys(errors).length > 0) return { ok: false, errors: { ...errors, '': intl.formatMessage({ id: 'shared.fields.someFieldsNeedChange' }) } };

  const before = draftOf(account);
  const body: Record<string, unknown> = {};
  if (draft.name.trim() !== account.name) body.name = draft.name.trim();
  if (draft.plan !== before.plan) body.plan = draft.plan;
  if (draft.partner_tier !== before.partner_tier) body.partner_tier = orNull(draft.partner_tier);
  if (languages.join(',') !== account.languages.join(',')) body.languages = languages;
  for (const field of ['team_id', ...MANAGER_FIELDS] as const) if (draft[field] !== before[field]) body[field] = orNull(draft[field]);
  if (draft.phone_pin.trim() !== before.phone_pin) body.phone_pin = orNull(draft.phone_pin);
  if (draft.email_deliverability !== before.email_deliverability) body.email_deliverability = draft.email_deliverability;
  return { ok: true, body };
}
