/**
 * Reads what can be read of a pack whose shape has problems, so the cross-reference checks can
 * still run on the rest of the file and `policy validate` lists every problem in one pass.
 * Unreadable list items become holes; unreadable keys are marked broken.
 */
import type * as z from 'zod';
import { calendarSchema } from '../schema/calendar.js';
import { INHERITED_KEYS, languageSchema, metricSchema, partnerTierSchema, planSchema, prioritySchema, versionSchema, type PackData, type VersionData } from '../schema/pack.js';
import type { InheritedKey } from './inherit.js';

const LIST_ITEMS: Partial<Record<InheritedKey, z.ZodType>> = {
  calendars: calendarSchema,
  priorities: prioritySchema,
  metrics: metricSchema,
  plans: planSchema,
  languages: languageSchema,
  partner_tiers: partnerTierSchema,
};

export interface PartialPack {
  pack: PackData;
  broken: Set<InheritedKey>[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readPartialPack(raw: unknown): PartialPack | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.versions)) return undefined;
  const broken: Set<InheritedKey>[] = [];
  const versions = raw.versions.map((v, i) => {
    const { data, brokenKeys } = readPartialVersion(v, i);
    broken.push(brokenKeys);
    return data;
  });
  return { pack: { id: String(raw.id), name: String(raw.name), versions }, broken };
}

function readPartialVersion(raw: unknown, index: number): { data: VersionData; brokenKeys: Set<InheritedKey> } {
  const brokenKeys = new Set<InheritedKey>();
  const data: Record<string, unknown> = { id: `#${index}`, effective_from: '' };
  if (!isRecord(raw)) {
    for (const key of INHERITED_KEYS) brokenKeys.add(key);
    return { data: data as VersionData, brokenKeys };
  }
  for (const key of ['id', 'effective_from'] as const) {
    const parsed = versionSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) data[key] = parsed.data;
  }
  for (const key of INHERITED_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    const item = LIST_ITEMS[key];
    if (item && Array.isArray(value)) {
      data[key] = value.map((entry) => {
        const parsed = item.safeParse(entry);
        if (!parsed.success) brokenKeys.add(key);
        return parsed.success ? parsed.data : undefined;
      });
      continue;
    }
    const parsed = versionSchema.shape[key].safeParse(value);
    if (parsed.success) data[key] = parsed.data;
    else brokenKeys.add(key);
  }
  return { data: data as VersionData, brokenKeys };
}
