/**
 * The checks that need more than one part of a version: every id a plan, target, timer or
 * escalation names must exist, calendars must be valid to the engine, exactly one priority is the
 * default, and intake rules name fields that exist.
 */
import { validateCalendarSpec, type CalendarSpec } from '@hourglass/engine';
import type { RawProblem } from '../parse/issues.js';
import { parsePath, type DataPath } from '../parse/paths.js';
import type { PlanData, VersionData } from '../schema/pack.js';
import type { InheritedKey, ResolvedVersion } from './inherit.js';
import { checkIntake } from './intake.js';
import { checkUnique, choices } from './unique.js';

const REQUIRED: readonly InheritedKey[] = ['calendars', 'priorities', 'metrics', 'plans'];

/**
 * A set of ids that, when its list was only partly readable (`broken`), accepts every id, so that
 * a shape problem in one item does not also report false "unknown id" problems elsewhere.
 */
class Known {
  constructor(
    readonly ids: Set<string>,
    readonly broken: boolean,
  ) {}
  has(id: string): boolean {
    return this.broken || this.ids.has(id);
  }
  [Symbol.iterator]() {
    return this.ids[Symbol.iterator]();
  }
}

export function checkVersion(version: ResolvedVersion, problems: RawProblem[]): void {
  const at = (key: InheritedKey): DataPath => ['versions', version.origin[key] ?? version.index, key];
  const v = version.data;
  const broken = version.broken;
  for (const key of REQUIRED) {
    if (v[key] === undefined && !broken.has(key)) {
      problems.push({ path: ['versions', version.index], message: `"${key}" is missing; the first version must define it (later versions inherit it)` });
    }
  }
  const calendars = new Known(checkCalendars(v, at('calendars'), problems), broken.has('calendars'));
  const priorities = new Known(v.priorities ? checkUnique(v.priorities, at('priorities'), 'priority', problems) : new Set(), broken.has('priorities'));
  const metrics = new Known(v.metrics ? checkUnique(v.metrics, at('metrics'), 'metric', problems) : new Set(), broken.has('metrics'));
  if (v.priorities && !priorities.broken) {
    const defaults = v.priorities.filter((p) => p.default === true);
    if (defaults.length !== 1) {
      problems.push({
        path: at('priorities'),
        message:
          defaults.length === 0
            ? 'no priority is marked "default: true"; mark the one a ticket gets when none is chosen'
            : `only one priority may be the default (${defaults.map((p) => p.id).join(', ')} are)`,
      });
    }
  }
  if (v.plans) {
    checkUnique(v.plans, at('plans'), 'plan', problems);
    checkAliases(v.plans, at('plans'), problems);
    v.plans.forEach((plan, i) => plan && checkPlan(plan, [...at('plans'), i], { calendars, priorities, metrics }, problems));
  }
  const calendar = (id: string, path: DataPath) => {
    if (!calendars.has(id)) problems.push({ path, message: `unknown calendar "${id}"; this version defines ${choices(calendars)}` });
  };
  if (v.lifecycle) calendar(v.lifecycle.calendar, [...at('lifecycle'), 'calendar']);
  if (v.escalation) {
    const plans = new Known(new Set(v.plans?.filter(Boolean).map((p) => p.id)), broken.has('plans'));
    v.escalation.plans.forEach((id, i) => {
      if (!plans.has(id)) problems.push({ path: [...at('escalation'), 'plans', i], message: `unknown plan "${id}"; this version defines ${choices(plans)}` });
    });
    if (v.escalation.response_target) calendar(v.escalation.response_target.calendar, [...at('escalation'), 'response_target', 'calendar']);
  }
  if (v.languages) {
    checkUnique(v.languages, at('languages'), 'language', problems);
    if (v.languages.filter((l) => l?.primary).length > 1) problems.push({ path: at('languages'), message: 'only one language may be primary' });
  }
  if (v.partner_tiers) checkUnique(v.partner_tiers, at('partner_tiers'), 'partner tier', problems);
  if (v.availability?.packages) checkUnique(v.availability.packages, [...at('availability'), 'packages'], 'availability package', problems);
  if (v.channels && v.channels_without_sla && !broken.has('channels')) {
    const offered = new Set(v.channels);
    v.channels_without_sla.forEach((channel, i) => {
      if (!offered.has(channel)) {
        problems.push({ path: [...at('channels_without_sla'), i], message: `"${channel}" is not one of this version's channels (${v.channels!.join(', ')}); add it to channels or remove it here` });
      }
    });
  }
  if (v.clock_start === 'on_intake_complete' && !v.intake?.forms.length) {
    problems.push({ path: at('clock_start'), message: 'clocks that start when intake is complete need intake forms; add intake.forms or use on_create' });
  }
  if (v.intake && !broken.has('intake')) checkIntake(v.intake, at('intake'), problems);
}

function checkCalendars(v: VersionData, base: DataPath, problems: RawProblem[]): Set<string> {
  if (!v.calendars) return new Set();
  const ids = checkUnique(v.calendars, base, 'calendar', problems);
  v.calendars.forEach((cal, i) => {
    if (!cal) return;
    for (const p of validateCalendarSpec(cal as CalendarSpec)) {
      problems.push({ path: [...base, i, ...parsePath(p.path)], message: p.message });
    }
  });
  return ids;
}

function checkAliases(plans: readonly PlanData[], base: DataPath, problems: RawProblem[]): void {
  const ids = new Set(plans.filter(Boolean).map((p) => p.id));
  const seen = new Set<string>();
  plans.forEach((plan, i) =>
    plan?.aliases?.forEach((alias, j) => {
      if (ids.has(alias) || seen.has(alias)) {
        problems.push({ path: [...base, i, 'aliases', j], message: `the alias "${alias}" is already a plan id or another plan's alias` });
      }
      seen.add(alias);
    }),
  );
}

interface KnownIds {
  calendars: Known;
  priorities: Known;
  metrics: Known;
}

function checkPlan(plan: PlanData, base: DataPath, known: KnownIds, problems: RawProblem[]): void {
  if (!known.calendars.has(plan.calendar)) {
    problems.push({ path: [...base, 'calendar'], message: `unknown calendar "${plan.calendar}"; this version defines ${choices(known.calendars)}` });
  }
  const targets = plan.targets;
  if (targets === 'none') return;
  for (const [metric, byPriority] of Object.entries(targets)) {
    const metricPath = [...base, 'targets', metric];
    if (!known.metrics.has(metric)) {
      problems.push({ path: metricPath, message: `unknown metric "${metric}"; this version defines ${choices(known.metrics)}` });
      continue;
    }
    for (const [priority, entry] of Object.entries(byPriority)) {
      if (!known.priorities.has(priority)) {
        problems.push({ path: [...metricPath, priority], message: `unknown priority "${priority}"; this version defines ${choices(known.priorities)}` });
      } else if (typeof entry === 'object' && !known.calendars.has(entry.calendar)) {
        problems.push({ path: [...metricPath, priority, 'calendar'], message: `unknown calendar "${entry.calendar}"; this version defines ${choices(known.calendars)}` });
      }
    }
    const missing = [...known.priorities].filter((p) => !(p in byPriority));
    if (missing.length > 0 && !known.priorities.broken) {
      problems.push({ path: metricPath, message: `no target for priority ${missing.join(', ')}; give a duration or "none" for each priority` });
    }
  }
  const missingMetrics = [...known.metrics].filter((m) => !(m in targets));
  if (missingMetrics.length > 0 && !known.metrics.broken) {
    problems.push({ path: [...base, 'targets'], message: `no targets for metric ${missingMetrics.join(', ')}; list them (or write "none" for each priority)` });
  }
}
