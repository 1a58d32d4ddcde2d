/** The components a subscriber may choose, as the subscribe pages and the portal list them. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ChoosableComponent {
  id: string;
  name: string;
  group: string | null;
}

/** The provider's components, by group position then their own. */
export async function choosableComponents(db: Kysely<Database>, providerId: string): Promise<ChoosableComponent[]> {
  const rows = await db
    .selectFrom('status_components as c')
    .leftJoin('status_component_groups as g', 'g.id', 'c.group_id')
    .select(['c.id', 'c.name', 'g.name as group'])
    .where('c.provider_id', '=', providerId)
    .orderBy((eb) => eb.fn.coalesce('g.position', eb.val(-1)))
    .orderBy('g.name')
    .orderBy('c.position')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, group: r.group ?? null }));
}

/** The ids of `chosen` that are not components of the provider (by their index in `chosen`). */
export function unknownComponents(components: readonly ChoosableComponent[], chosen: readonly string[]): number[] {
  const known = new Set(components.map((c) => c.id));
  return chosen.flatMap((id, i) => (known.has(id) ? [] : [i]));
}
