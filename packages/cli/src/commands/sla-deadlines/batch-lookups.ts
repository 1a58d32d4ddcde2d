/**
 * The batch's memory of what it has already resolved: targets per (policy, plan, priority,
 * metric, pack version) and calendars per (policy, calendar id, pack version). Failed lookups are
 * remembered too, so a batch full of the same mistake stays fast.
 */
import type { Schedule } from '@hourglass/engine';
import type { CompiledPack, CompiledPackVersion, PolicyRegistry } from '@hourglass/policy';
import { messageOf } from '../../errors.js';
import { calendarOwner, type CalendarOwner } from '../../lookup/calendars.js';
import { LineProblem } from './line-problem.js';

type Resolved<T> = T | LineProblem;
/** What a pack version answers for (plan, priority, metric): the target, or null for no guarantee. */
export type ResolvedTarget = NonNullable<ReturnType<CompiledPackVersion['resolveTarget']>>;

interface TargetEntry {
  pack: Resolved<CompiledPack>;
  byVersion: Map<CompiledPackVersion, Resolved<ResolvedTarget | null>>;
}

/** A calendar and the zone its instants are written in. */
export interface CalendarInZone {
  schedule: Schedule;
  zone: string;
}

interface CalendarEntry {
  owner: Resolved<CalendarOwner>;
  byVersion: Map<CompiledPackVersion, Resolved<CalendarInZone>>;
}

function nested<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** The map under `key`, made empty when missing (no closure, so the hot path allocates nothing). */
function child<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let value = map.get(key);
  if (value === undefined) {
    value = new Map<string, V>();
    map.set(key, value);
  }
  return value;
}

function attempt<T>(compute: () => T): Resolved<T> {
  try {
    return compute();
  } catch (error) {
    return new LineProblem(messageOf(error));
  }
}

function unwrap<T>(value: Resolved<T>): T {
  if (value instanceof LineProblem) throw value;
  return value;
}

export class BatchLookups {
  private readonly packs = new Map<string, Resolved<CompiledPack>>();
  private readonly targets = new Map<string, Map<string, Map<string, Map<string, TargetEntry>>>>();
  private readonly calendars = new Map<string, Map<string, CalendarEntry>>();
  private readonly calendarOwners = new Map<string, Resolved<CalendarOwner>>();

  constructor(private readonly registry: PolicyRegistry) {}

  /** The target in force at `at`, or null where the plan has none. */
  target(policy: string, plan: string, priority: string, metric: string, at: number): ResolvedTarget | null {
    const byMetric = child(child(child(this.targets, policy), plan), priority);
    let entry = byMetric.get(metric);
    if (entry === undefined) {
      entry = { pack: this.pack(policy), byVersion: new Map() };
      byMetric.set(metric, entry);
    }
    const version = this.versionAt(unwrap(entry.pack), at);
    let target = entry.byVersion.get(version);
    if (target === undefined) {
      target = attempt(() => version.resolveTarget(plan, priority, metric));
      entry.byVersion.set(version, target);
    }
    return unwrap(target);
  }

  /** The calendar `id` of the pack version in force at `at`; `policy` narrows the search to one pack. */
  calendar(id: string, policy: string | undefined, at: number): CalendarInZone {
    const byId = child(this.calendars, policy ?? '');
    let entry = byId.get(id);
    if (entry === undefined) {
      entry = { owner: this.calendarOwner(id, policy), byVersion: new Map() };
      byId.set(id, entry);
    }
    const owner = unwrap(entry.owner);
    const version = this.versionAt(owner.pack, at);
    let found = entry.byVersion.get(version);
    if (found === undefined) {
      found = attempt(() => {
        const schedule = version.calendar(id);
        return { schedule, zone: owner.zone ?? schedule.zone };
      });
      entry.byVersion.set(version, found);
    }
    return unwrap(found);
  }

  private versionAt(pack: CompiledPack, at: number): CompiledPackVersion {
    try {
      return pack.versionAt(at);
    } catch (error) {
      throw new LineProblem(messageOf(error));
    }
  }

  private pack(policy: string): Resolved<CompiledPack> {
    return nested(this.packs, policy, () => attempt(() => this.registry.pack(policy)));
  }

  private calendarOwner(id: string, policy: string | undefined): Resolved<CalendarOwner> {
    if (policy !== undefined) {
      const pack = this.pack(policy);
      return pack instanceof LineProblem ? pack : { pack, zone: undefined };
    }
    return nested(this.calendarOwners, id, () => attempt(() => calendarOwner(this.registry, id)));
  }
}
