import { z } from 'zod';
import { PRESENCES, ROLES } from '../db/schema.js';
import { instantSchema, languageSchema, workingHoursSchema, zoneSchema } from '../http/common-schemas.js';
import { pageQuery } from '../http/pagination.js';
import { LOCALES } from '../i18n/locales.js';

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    account_id: z.uuid().nullable(),
    zone: z.string(),
    languages: z.array(z.string()),
    locale: z.enum(LOCALES).nullable().describe('The language of the pages and emails this person reads; null: not chosen (the browser or the ticket decides).'),
    working_hours: workingHoursSchema.nullable(),
    manager_id: z.uuid().nullable(),
    presence: z.enum(PRESENCES),
    out_of_office_until: z.string().nullable(),
    active: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserSchema>;

const password = z.string().min(10, 'Must be at least 10 characters.').max(200);

const localeField = z.enum(LOCALES).describe('The language of the pages and emails: one of en, pt-BR, de, es, ru.');

/** What people may change on their own profile (PATCH /me). */
export const UpdateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  password: password.optional(),
  zone: zoneSchema.optional(),
  languages: z.array(languageSchema).min(1).max(20).optional(),
  locale: localeField.nullable().optional(),
  working_hours: workingHoursSchema.nullable().optional(),
  presence: z.enum(PRESENCES).optional(),
  out_of_office_until: instantSchema.nullable().optional(),
});

export const CreateUserBody = z.strictObject({
  email: z.email('Must be an email address.').max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  account_id: z.uuid().optional().describe('Required for customers: the account they belong to.'),
  password: password.optional().describe('Without a password the user cannot sign in to the web app.'),
  zone: zoneSchema.default('UTC'),
  languages: z.array(languageSchema).min(1).max(20).default(['en']),
  locale: localeField.optional(),
  working_hours: workingHoursSchema.optional(),
  manager_id: z.uuid().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  password: password.optional(),
  zone: zoneSchema.optional(),
  languages: z.array(languageSchema).min(1).max(20).optional(),
  locale: localeField.nullable().optional(),
  working_hours: workingHoursSchema.nullable().optional(),
  manager_id: z.uuid().nullable().optional(),
  presence: z.enum(PRESENCES).optional(),
  out_of_office_until: instantSchema.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserBody>;

export const ListUsersQuery = z.strictObject({
  ...pageQuery,
  role: z.enum(ROLES).optional(),
  account_id: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Matches name or email.'),
});
export type ListUsersFilter = z.infer<typeof ListUsersQuery>;
