import { z } from 'zod';
import { PARTNER_TIERS } from '../db/schema.js';
import { languageSchema } from '../http/common-schemas.js';
import { pageQuery } from '../http/pagination.js';

export const ProjectSchema = z
  .object({ id: z.uuid(), account_id: z.uuid(), name: z.string(), production: z.boolean(), created_at: z.string() })
  .meta({ id: 'Project' });
export type ProjectView = z.infer<typeof ProjectSchema>;

/** A partner tier (the web app lists them from this enum). */
export const PartnerTierIdSchema = z.enum(PARTNER_TIERS).meta({ id: 'PartnerTier' });

export const AccountSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    pack_id: z.string(),
    plan: z.string(),
    pack_version: z.string().describe('The policy pack version in force when the account was put on its plan.'),
    partner_tier: PartnerTierIdSchema.nullable(),
    languages: z.array(z.string()),
    phone_pin: z.string().nullable().describe('The PIN callers key in on the support line.'),
    primary_manager_id: z.uuid().nullable(),
    secondary_manager_id: z.uuid().nullable(),
    growth_manager_id: z.uuid().nullable(),
    team_id: z.uuid().nullable().describe('The support team whose members take the account\'s tickets (routing by language), unless account managers do.'),
    email_deliverability: z.boolean(),
    projects: z.array(ProjectSchema),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Account' });
export type AccountView = z.infer<typeof AccountSchema>;

const pin = z.string().regex(/^\d{4,8}$/, 'Must be 4 to 8 digits.');
export const NewProjectBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  production: z.boolean().describe('Production applications may file the most urgent priorities.'),
});
export type NewProjectInput = z.infer<typeof NewProjectBody>;

export const CreateAccountBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  pack_id: z.string().min(1).describe('A policy pack id such as twilio, 360dialog or exotel.'),
  plan: z.string().min(1).describe('A plan id of that pack, such as bootstrap.'),
  partner_tier: PartnerTierIdSchema.nullable().optional(),
  languages: z.array(languageSchema).min(1).max(20).default(['en']),
  phone_pin: pin.nullable().optional(),
  primary_manager_id: z.uuid().nullable().optional(),
  secondary_manager_id: z.uuid().nullable().optional(),
  growth_manager_id: z.uuid().nullable().optional(),
  team_id: z.uuid().nullable().optional().describe('A team of the provider (GET /api/v1/teams).'),
  email_deliverability: z.boolean().default(false),
  projects: z.array(NewProjectBody).max(100).default([]),
});
export type CreateAccountInput = z.infer<typeof CreateAccountBody>;

export const UpdateAccountBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  pack_id: z.string().min(1).optional(),
  plan: z.string().min(1).optional(),
  partner_tier: PartnerTierIdSchema.nullable().optional(),
  languages: z.array(languageSchema).min(1).max(20).optional(),
  phone_pin: pin.nullable().optional(),
  primary_manager_id: z.uuid().nullable().optional(),
  secondary_manager_id: z.uuid().nullable().optional(),
  growth_manager_id: z.uuid().nullable().optional(),
  team_id: z.uuid().nullable().optional().describe('A team of the provider (GET /api/v1/teams); null: none.'),
  email_deliverability: z.boolean().optional(),
});
export type UpdateAccountInput = z.infer<typeof UpdateAccountBody>;

export const ListAccountsQuery = z.strictObject({
  ...pageQuery,
  pack_id: z.string().min(1).optional(),
  plan: z.string().min(1).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Matches the account name.'),
});
export type ListAccountsFilter = z.infer<typeof ListAccountsQuery>;
