/**
 * The API's shapes for components, incidents and maintenance (what the console, the portal and the
 * status page read and send).
 */
import { z } from 'zod';
import { COMPONENT_STATUSES, INCIDENT_IMPACTS, INCIDENT_STATUSES, MAINTENANCE_STATUSES } from './tables.js';

const name = z.string().trim().min(1).max(200);
const description = z.string().trim().max(2000).nullable();
const uuid = z.uuid('Must be an id (a UUID).');

export const ComponentStatusSchema = z.enum(COMPONENT_STATUSES);
export const IncidentStatusSchema = z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]);
export const ImpactSchema = z.enum(INCIDENT_IMPACTS);
export const KindSchema = z.enum(['incident', 'maintenance']);

export const ComponentGroupSchema = z
  .object({ id: z.uuid(), name: z.string(), description: z.string().nullable(), position: z.number().int() })
  .meta({ id: 'StatusComponentGroup' });

export const ComponentSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    group_id: z.uuid().nullable(),
    position: z.number().int(),
    status: ComponentStatusSchema.describe('Now: the worst status of its open spans, operational when none is open.'),
    products: z.array(z.string()).describe('The ticket products (intake form ids) this component serves.'),
    showcase: z.boolean(),
    only_show_if_degraded: z.boolean(),
    start_date: z.string().nullable(),
  })
  .meta({ id: 'StatusComponent' });
export type ComponentJson = z.infer<typeof ComponentSchema>;

export const ComponentListSchema = z.object({ groups: z.array(ComponentGroupSchema), components: z.array(ComponentSchema) });

const componentKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Must be a slug of lower-case letters, digits and dashes (up to 63), such as mail-send.');
const products = z.array(z.string().trim().min(1).max(100)).max(100);
const dateOnly = z.iso.date('Must be a date YYYY-MM-DD.');

export const CreateComponentBody = z.strictObject({
  key: componentKey,
  name,
  description: description.optional(),
  group_id: uuid.nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
  products: products.default([]),
  showcase: z.boolean().default(true),
  only_show_if_degraded: z.boolean().default(false),
  start_date: dateOnly.nullable().optional(),
});
export type CreateComponentInput = z.infer<typeof CreateComponentBody>;

export const UpdateComponentBody = z.strictObject({
  key: componentKey.optional(),
  name: name.optional(),
  description: description.optional(),
  group_id: uuid.nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
  products: products.optional(),
  showcase: z.boolean().optional(),
  only_show_if_degraded: z.boolean().optional(),
  start_date: dateOnly.nullable().optional(),
});
export type UpdateComponentInput = z.infer<typeof UpdateComponentBody>;

export const CreateGroupBody = z.strictObject({ name, description: description.optional(), position: z.number().int().min(0).max(100_000).optional() });
export type CreateGroupInput = z.infer<typeof CreateGroupBody>;
export const UpdateGroupBody = z.strictObject({ name: name.optional(), description: description.optional(), position: z.number().int().min(0).max(100_000).optional() });
export type UpdateGroupInput = z.infer<typeof UpdateGroupBody>;

export const SetComponentStatusBody = z.strictObject({
  status: ComponentStatusSchema.describe('Set by hand, outside any incident; operational ends the hand-set status.'),
});

export const AffectedComponentSchema = z.object({
  code: z.string().describe("The component's id."),
  name: z.string(),
  old_status: ComponentStatusSchema,
  new_status: ComponentStatusSchema,
});

export const IncidentUpdateSchema = z
  .object({
    id: z.uuid(),
    status: IncidentStatusSchema,
    body: z.string(),
    display_at: z.string(),
    author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    affected_components: z.array(AffectedComponentSchema).describe("Statuspage's shape: the components whose status this update changed."),
  })
  .meta({ id: 'IncidentUpdate' });

export const RfoSchema = z.object({ markdown: z.string(), html: z.string().describe('The Markdown rendered safely (no raw HTML, no script links).'), published_at: z.string().nullable() });

export const IncidentSchema = z
  .object({
    id: z.uuid(),
    kind: KindSchema,
    name: z.string(),
    status: IncidentStatusSchema,
    impact: ImpactSchema,
    draft: z.boolean(),
    source: z.enum(['manual', 'alertmanager']),
    scheduled_for: z.string().nullable(),
    scheduled_until: z.string().nullable(),
    started_at: z.string(),
    monitoring_at: z.string().nullable(),
    resolved_at: z.string().nullable(),
    components: z
      .array(z.object({ id: z.uuid(), key: z.string(), name: z.string(), status: ComponentStatusSchema }))
      .describe('The affected components, each with the status this incident now sets on it (operational once it sets none).'),
    updates: z.array(IncidentUpdateSchema).describe('Newest first.'),
    rfo: RfoSchema.nullable(),
    linked_tickets: z.number().int(),
    public_url: z.string(),
  })
  .meta({ id: 'Incident' });
export type IncidentJson = z.infer<typeof IncidentSchema>;

export const ComponentChange = z.strictObject({ id: uuid, status: ComponentStatusSchema });
export type ComponentChangeInput = z.infer<typeof ComponentChange>;
const body = z.string().trim().min(1).max(20_000);
const instant = z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 instant with Z or an offset.' });

export const CreateIncidentBody = z.strictObject({
  kind: KindSchema.default('incident'),
  name,
  status: IncidentStatusSchema,
  impact: ImpactSchema.optional().describe('Default: none for an incident, maintenance for maintenance.'),
  body,
  components: z.array(ComponentChange).max(200).default([]),
  scheduled_for: instant.optional().describe('Maintenance only: when it is to begin.'),
  scheduled_until: instant.optional().describe('Maintenance only: when it is to end.'),
  notify: z.boolean().default(true).describe("False: subscribers hear nothing of this (they do in any case not of drafts)."),
  draft: z.boolean().default(false).describe('A draft is not on the public page and notifies nobody until it is published.'),
});
export type CreateIncidentInput = z.infer<typeof CreateIncidentBody>;

export const CreateUpdateBody = z.strictObject({
  status: IncidentStatusSchema,
  body,
  components: z.array(ComponentChange).max(200).optional().describe('Status per component from now on; operational ends this incident\'s span on it.'),
  reply_on_linked_tickets: z.boolean().default(false).describe('Also add the update as a public reply on every linked ticket.'),
  notify: z.boolean().default(true),
});
export type CreateUpdateInput = z.infer<typeof CreateUpdateBody>;

export const UpdateIncidentBody = z.strictObject({
  name: name.optional(),
  impact: ImpactSchema.optional(),
  draft: z.literal(false).optional().describe('Publishes a draft.'),
});
export type UpdateIncidentInput = z.infer<typeof UpdateIncidentBody>;

export const ListIncidentsQuery = z.strictObject({
  state: z.enum(['unresolved', 'resolved', 'all']).default('all'),
  kind: KindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListIncidentsFilter = z.infer<typeof ListIncidentsQuery>;

export const PutRfoBody = z.strictObject({ markdown: z.string().trim().min(1).max(100_000) });

export const ComponentIdsBody = z.strictObject({ component_ids: z.array(uuid).max(500) });
