/** The ticket products (intake form ids) of every policy pack, which a component can serve. */
import { useQueries, useQuery } from '@tanstack/react-query';
import { intakeFormsQuery, policiesQuery } from '../policy/queries.js';

export interface ProductChoice {
  id: string;
  /** The form's names across the packs that have it (`Messaging`). */
  names: string[];
}

/** Every intake form id of the packs, once, with the names the packs give it, sorted by id. */
export function mergeProducts(packs: readonly { forms: readonly { id: string; name: string }[] }[]): ProductChoice[] {
  const byId = new Map<string, Set<string>>();
  for (const pack of packs) {
    for (const form of pack.forms) {
      const names = byId.get(form.id) ?? new Set<string>();
      names.add(form.name);
      byId.set(form.id, names);
    }
  }
  return [...byId.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, names]) => ({ id, names: [...names] }));
}

/** The products of all packs, once every pack's forms are read (null until then). */
export function useProducts(): ProductChoice[] | null {
  const policies = useQuery(policiesQuery);
  const forms = useQueries({ queries: (policies.data?.items ?? []).map((pack) => intakeFormsQuery(pack.id)) });
  if (!policies.data || forms.some((f) => !f.data)) return null;
  return mergeProducts(forms.map((f) => f.data!));
}
