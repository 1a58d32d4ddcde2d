/** The shipped packs as data for `hourglass policy list`: versions, plans, priorities, metrics, calendars. */
import type { CompiledPack, CompiledPackVersion, PolicyRegistry } from '@hourglass/policy';
import { describeWeekly } from '../../format/weekly.js';
import { effectiveFromText } from '../../lookup/versions.js';

export interface VersionListing {
  id: string;
  effective_from: string;
  plans: { id: string; name: string; aliases: string[]; calendar: string }[];
  priorities: { id: string; name: string; default: boolean }[];
  metrics: { id: string; kind: string }[];
  calendars: { id: string; zone: string; hours: string }[];
}

export interface PackListing {
  id: string;
  name: string;
  versions: VersionListing[];
}

/** The zone a version's dates read best in: that of its first calendar with opening hours. */
function homeZone(version: CompiledPackVersion): string {
  for (const id of version.calendarIds()) {
    const calendar = version.calendar(id);
    if (!calendar.alwaysOpen) return calendar.zone;
  }
  return 'UTC';
}

export function describeVersion(version: CompiledPackVersion): VersionListing {
  return {
    id: version.id,
    effective_from: effectiveFromText(version, homeZone(version)),
    plans: version.planIds().map((id) => {
      const plan = version.plan(id);
      return { id: plan.id, name: plan.name, aliases: [...plan.aliases], calendar: plan.calendar };
    }),
    priorities: version.priorities.map((p) => ({ id: p.id, name: p.name, default: p.id === version.defaultPriority })),
    metrics: version.metrics.map((m) => ({ id: m.id, kind: m.kind })),
    calendars: version.calendarIds().map((id) => {
      const calendar = version.calendar(id);
      return { id, zone: calendar.zone, hours: describeWeekly(calendar.spec) };
    }),
  };
}

export function describePack(pack: CompiledPack): PackListing {
  return { id: pack.id, name: pack.name, versions: pack.versions.map(describeVersion) };
}

export function describeRegistry(registry: PolicyRegistry): PackListing[] {
  return registry.packIds().map((id) => describePack(registry.pack(id)));
}
