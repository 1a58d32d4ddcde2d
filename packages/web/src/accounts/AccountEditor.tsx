import { type FormEvent, useEffect, useState } from 'react';
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
  { field: 'primary_manager_id', label: 'Primary manager', hint: 'Takes the account’s tickets and calls first, in their hours.' },
  { field: 'secondary_manager_id', label: 'Secondary manager', hint: 'Takes them when the primary manager is away or off.' },
  { field: 'growth_manager_id', label: 'Growth manager', hint: 'Answers escalations for partner tiers that have one.' },
] as const;

type ChangedAccount = Extract<ReturnType<typeof changesOf>, { ok: true }>['body'];

/** Changes a customer account's plan, partner tier, languages, team, managers and phone PIN (`PATCH /api/v1/accounts/:id`). */
export function AccountEditor({ account, choices, onSaved, onCancel }: { account: Account; choices: AccountChoices; onSaved: (saved: Account) => void; onCancel: () => void }) {
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
    <form className="stacked-form" onSubmit={submit} noValidate aria-label={`Change ${account.name}`}>
      <TextField id="account-name" label="Name" value={draft.name} onChange={set('name')} error={errors.name} required />
      <SelectField
        id="account-plan"
        label="Plan"
        value={draft.plan}
        onChange={set('plan')}
        choices={choices.plans}
        error={errors.plan ?? errors.pack_id}
        hint={`A plan of the ${account.pack_id} pack. A new plan puts the account on the pack version in force now.`}
      />
      <SelectField
        id="account-tier"
        label="Partner tier"
        value={draft.partner_tier}
        onChange={set('partner_tier')}
        choices={choices.tiers}
        none="none"
        error={errors.partner_tier}
      />
      <TextField id="account-languages" label="Languages" value={draft.languages} onChange={set('languages')} error={errors.languages} hint="Language codes, separated by commas: en, de, pt-BR." />
      <SelectField
        id="account-team"
        label="Support team"
        value={draft.team_id}
        onChange={set('team_id')}
        choices={choices.teams}
        none="none"
        error={errors.team_id}
        hint="Its members take the account's tickets, by language, unless the managers do."
      />
      {MANAGERS.map((m) => (
        <SelectField key={m.field} id={`account-${m.field}`} label={m.label} value={draft[m.field]} onChange={set(m.field)} choices={choices.staff} none="none" error={errors[m.field]} hint={m.hint} />
      ))}
      <TextField id="account-pin" label="Phone PIN" value={draft.phone_pin} onChange={set('phone_pin')} error={errors.phone_pin} hint="The digits callers key in on the support line. Leave empty for none." />
      <div className="field">
        <label className="check">
          <input type="checkbox" checked={draft.email_deliverability} onChange={(e) => set('email_deliverability')(e.target.checked)} aria-describedby="account-email-hint" /> Email
          deliverability package
        </label>
        <p id="account-email-hint" className="hint">
          Its mail-send API availability is held to 99.99% instead of 99.95%.
        </p>
        <FieldError id="account-email-error" message={errors.email_deliverability} />
      </div>
      <FormActions label={`Save ${account.name}`} busy={busy} error={errors['']} onCancel={onCancel} />
    </form>
  );
}
