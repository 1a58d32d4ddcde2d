import { z } from 'zod';
import { pageQuery } from '../http/pagination.js';

export const TeamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    follow_the_sun: z.boolean().describe('A 24x7 team that takes tickets outside the account managers\' hours.'),
    member_ids: z.array(z.uuid()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Team' });
export type TeamView = z.infer<typeof TeamSchema>;

export const CreateTeamBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  follow_the_sun: z.boolean().default(false),
  member_ids: z.array(z.uuid()).max(500).default([]),
});
export type CreateTeamInput = z.infer<typeof CreateTeamBody>;

export const UpdateTeamBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  follow_the_sun: z.boolean().optional(),
  member_ids: z.array(z.uuid()).max(500).optional().describe('Replaces the whole member list.'),
});
export type UpdateTeamInput = z.infer<typeof UpdateTeamBody>;

export const ListTeamsQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().min(1).max(200).optional(),
  member_id: z.uuid().optional().describe('Only teams this user belongs to.'),
});
export type ListTeamsFilter = z.infer<typeof ListTeamsQuery>;
