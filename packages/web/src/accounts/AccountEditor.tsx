import { type FormEvent, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import type { Account } from '../api/types.js';
import { DIRECTORY_KEY } from '../shared/directory.js';
import { useWrite } from '../shared/query.js';
import { accountKeys } from './queries.js';
import { ACCOUNT_FIELDS, type AccountDraft, changesOf, type Choice, draftOf } from './account-form.js';
import { errorsFrom, FieldError, type FieldErrors, TextField, FormActions } from '../shared/fields.js';
import { SelectField } from '../shared/SelectField.js';

export interface AccountChoices {
  plans: Choice[];
  tiers: Choice[];
  staff: Choice[];
  teams: Choice[];
}

const MANAGERS = [
  { field: 'primary_manager_id', label: 'accounts.editor.primaryManager', hint: 'accounts.editor.primaryManagerHint' },
  { field: 'secondary_manager_id', label: 'accounts.editor.secondaryManager', hint: 'accounts.editor.secondaryManagerHint' },
  { field: 'growth_manager_id', label: 'accounts.editor.growthManager', hint: 'accounts.editor.growthManagerHint' },
] as const;

/** The availability the email deliverability package raises the mail-send API to, and the usual one. */
const DELIVERABILITY = { raised: 0.9999, usual: 0.9995 };

type ChangedAccount = Extract<ReturnType<typeof changesOf>, { ok: true }>['body'];

/** Changes a customer account's plan, partner tier, languages, team, managers and phone PIN (`PATCH /api/v1/accounts/:id`). */
export function AccountEditor({ account, choices, onSaved, onCancel }: { account: Account; choices: AccountChoices; onSaved: (saved: Account) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const percent = (share: number) => intl.formatNumber(share, { style: 'percent', minimumFractionDigits: 2 });
  const [draft, setDraft] = useState<AccountDraft>(() => draftOf(account));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const save = useWrite((body: ChangedAccount) => ok(http.PATCH('/api/v1/accounts/{id}', { params: { path: { id: account.id } }, body })), () => [accountKeys.all, DIRECTORY_KEY]);
  useEffect(() => {
    document.getElementById('account-name')?.focus();
  }, []);
  const set =
    <K extends keyof AccountDraft>(key: K) =>
    (value: AccountDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf(account, draft);
    if (!changes.ok) {
      setErrors(changes.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await save.mutateAsync(changes.body));
    } catch (caught) {
      setErrors(errorsFrom(caught, ACCOUNT_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stacked-form" onSubmit={submit} noValidate aria-label={t('accounts.editor.formLabel', { name: account.name })}>
      <TextField id="account-name" label={t('accounts.editor.name')} value={draft.name} onChange={set('name')} error={errors.name} required />
      <SelectField
        id="account-plan"
        label={t('accounts.editor.plan')}
        value={draft.plan}
        onChange={set('plan')}
        choices={choices.plans}
        error={errors.plan ?? errors.pack_id}
        hint={t('accounts.editor.planHint', { pack: account.pack_id })}
      />
      <SelectField
        id="account-tier"
        label={t('accounts.editor.tier')}
        value={draft.partner_tier}
        onChange={set('partner_tier')}
        choices={choices.tiers}
        none={t('accounts.editor.noTier')}
        error={errors.partner_tier}
      />
      <TextField
        id="account-languages"
        label={t('accounts.editor.languages')}
        value={draft.languages}
        onChange={set('languages')}
        error={errors.languages}
        hint={t('accounts.editor.languagesHint')}
      />
      <SelectField
        id="account-team"
        label={t('accounts.editor.supportTeam')}
        value={draft.team_id}
        onChange={set('team_id')}
        choices={choices.teams}
        none={t('accounts.editor.noTeam')}
        error={errors.team_id}
        hint={t('accounts.editor.supportTeamHint')}
      />
      {MANAGERS.map((m) => (
        <SelectField
          key={m.field}
          id={`account-${m.field}`}
          label={t(m.label)}
          value={draft[m.field]}
          onChange={set(m.field)}
          choices={choices.staff}
          none={t('accounts.editor.noManager')}
          error={errors[m.field]}
          hint={t(m.hint)}
        />
      ))}
      <TextField id="account-pin" label={t('accounts.editor.phonePin')} value={draft.phone_pin} onChange={set('phone_pin')} error={errors.phone_pin} hint={t('accounts.editor.phonePinHint')} />
      <div className="field">
        <label className="check">
          <input type="checkbox" checked={draft.email_deliverability} onChange={(e) => set('email_deliverability')(e.target.checked)} aria-describedby="account-email-hint" />{' '}
          {t('accounts.editor.emailDeliverability')}
        </label>
        <p id="account-email-hint" className="hint">
          {t('accounts.editor.emailDeliverabilityHint', { raised: percent(DELIVERABILITY.raised), usual: percent(DELIVERABILITY.usual) })}
        </p>
        <FieldError id="account-email-error" message={errors.email_deliverability} />
      </div>
      <FormActions label={t('accounts.editor.save', { name: account.name })} busy={busy} error={errors['']} onCancel={onCancel} />
    </form>
  );
}
