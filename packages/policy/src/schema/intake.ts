/**
 * Intake forms: what a good ticket holds, per product or topic. The same data lets a server
 * render a form and enforce it (required fields, identifier formats, example counts, recency).
 */
import * as z from 'zod';
import { durationSchema, idSchema, textSchema } from './primitives.js';
import { strict } from './strict.js';

export const INTAKE_FIELD_TYPES = ['text', 'textarea', 'sid_list', 'phone', 'datetime', 'select'] as const;

export const recencySchema = strict({
  ok_within: durationSchema.meta({ description: 'Examples up to this old (back from the ticket opening) are fine.' }),
  best_effort_within: durationSchema
    .optional()
    .meta({ description: 'Between ok_within and this, examples are looked at on a best-effort basis (a warning); older is an error.' }),
});

export const intakeFieldSchema = strict({
  id: idSchema,
  label: textSchema,
  type: z.enum(INTAKE_FIELD_TYPES),
  required: z.boolean().optional().meta({ description: 'Required on the detailed path (default false).' }),
  help: textSchema.optional(),
  options: z.array(textSchema).optional().meta({ description: 'select: the allowed values.' }),
  sid_prefixes: z
    .array(z.string())
    .optional()
    .meta({ description: 'sid_list: the SID type prefixes that fit this field (e.g. CA for calls).' }),
  examples: strict({ min: z.number().int(), max: z.number().int() })
    .optional()
    .meta({ description: 'sid_list: how many examples the detailed path asks for.' }),
  recency: recencySchema.optional().meta({ description: 'datetime: how recent the moment must be.' }),
});

export const abridgedSchema = strict({
  explanation: textSchema,
  required: z.array(idSchema).meta({ description: 'Fields the short path still needs.' }),
  any_of: z
    .array(z.array(idSchema))
    .optional()
    .meta({ description: 'Groups of fields; one complete group is enough (a sid_list needs only one SID here).' }),
  recency: z
    .record(idSchema, recencySchema)
    .optional()
    .meta({ description: 'datetime field id -> how recent it must be on the short path, where that is stricter than the full form (messaging: 48h against 72h).' }),
});

export const intakeFormSchema = strict({
  id: idSchema,
  name: textSchema,
  description: textSchema.optional(),
  fields: z.array(intakeFieldSchema).min(1, { error: 'a form needs at least one field' }),
  abridged: abridgedSchema.optional(),
});

export const sidFormatSchema = strict({
  hex_length: z.number().int().meta({ description: 'How many hexadecimal characters follow the two-letter prefix.' }),
  kinds: z
    .record(z.string(), textSchema)
    .meta({ description: 'Two-letter prefix -> what it identifies (CA: call, SM: SMS message, ...).' }),
});

export const intakeSchema = strict({
  sid_format: sidFormatSchema.optional(),
  forms: z.array(intakeFormSchema),
});

export type IntakeFieldData = z.infer<typeof intakeFieldSchema>;
export type IntakeFormData = z.infer<typeof intakeFormSchema>;
export type IntakeData = z.infer<typeof intakeSchema>;
