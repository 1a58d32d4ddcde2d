/** Finding a calendar by id across the packs of a registry, for commands that name a calendar without a pack. */
import type { Schedule } from '@hourglass/engine';
import type { CompiledPack, CompiledPackVersion, PolicyRegistry } from '@hourglass/policy';
import { CommandError } from '../errors.js';
import { chooseVersion } from './versions.js';

function definesCalendar(version: CompiledPackVersion, id: string): boolean {
  return version.calendarIds().includes(id);
}

function alwaysOpenEverywhere(packs: readonly CompiledPack[], id: string): boolean {
  return packs.every((pack) => pack.versions.every((v) => !definesCalendar(v, id) || v.calendar(id).alwaysOpen));
}

/** Every calendar id defined by any version of any pack, sorted. */
export function knownCalendarIds(registry: PolicyRegistry): string[] {
  const known = new Set<string>();
  for (const packId of registry.packIds()) {
    for (const version of registry.pack(packId).versions) for (const id of version.calendarIds()) known.add(id);
  }
  return [...known].sort();
}

/** The pack to read a calendar from, and the zone its instants are shown in. */
export interface CalendarOwner {
  pack: CompiledPack;
  /** `UTC` when several packs define the calendar as always open in different zones; else undefined (its own zone). */
  zone: string | undefined;
}

function zonesOf(packs: readonly CompiledPack[], id: string): Set<string> {
  const zones = new Set<string>();
  for (const pack of packs) for (const v of pack.versions) if (definesCalendar(v, id)) zones.add(v.calendar(id).zone);
  return zones;
}

/**
 * The pack that defines calendar `id`. When several packs define it and every one of them is
 * always open (`24x7`), they count time alike: the first pack answers, and instants are shown in
 * UTC unless the packs agree on a zone. Otherwise the caller must name the pack.
 */
export function calendarOwner(registry: PolicyRegistry, id: string): CalendarOwner {
  const owners = registry.packIds().map((packId) => registry.pack(packId)).filter((pack) => pack.versions.some((v) => definesCalendar(v, id)));
  if (owners.length === 1) return { pack: owners[0]!, zone: undefined };
  if (owners.length > 1 && alwaysOpenEverywhere(owners, id)) return { pack: owners[0]!, zone: zonesOf(owners, id).size === 1 ? undefined : 'UTC' };
  if (owners.length > 1) {
    throw new CommandError(`calendar "${id}" exists in several packs (${owners.map((p) => p.id).join(', ')}); name the pack with "policy" to say which`);
  }
  throw new CommandError(`unknown calendar "${id}"; known calendars: ${knownCalendarIds(registry).join(', ')}`);
}

export interface FoundCalendar {
  pack: CompiledPack;
  version: CompiledPackVersion;
  calendar: Schedule;
  /** The zone to show instants in: the calendar's own, or UTC (see {@link calendarOwner}). */
  zone: string;
}

/**
 * Calendar `id` as defined by the pack version in force at `at` (or the version named by
 * `versionId`); `policy` says which pack to look in.
 */
export function findCalendar(registry: PolicyRegistry, id: string, policy: string | undefined, at: number, versionId?: string): FoundCalendar {
  const owner = policy === undefined ? calendarOwner(registry, id) : { pack: registry.pack(policy), zone: undefined };
  const version = chooseVersion(owner.pack, versionId, at);
  const calendar = version.calendar(id);
  return { pack: owner.pack, version, calendar, zone: owner.zone ?? calendar.zone };
}
