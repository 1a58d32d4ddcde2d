import type { User } from '../db/schema.js';
import { iso, isoOrNull } from '../http/common-schemas.js';
import type { UserView } from './schemas.js';

export function presentUser(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    account_id: user.account_id,
    zone: user.zone,
    languages: user.languages,
    locale: user.locale,
    working_hours: user.working_hours,
    manager_id: user.manager_id,
    presence: user.presence,
    out_of_office_until: isoOrNull(user.out_of_office_until),
    active: user.active,
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
  };
}
