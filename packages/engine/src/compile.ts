/** Compiles calendar data into a Schedule, once, after checking every problem. */
import { EngineError } from './errors.js';
import { Schedule } from './schedule.js';
import { validateCalendarSpec } from './spec/validate.js';
import { planOf } from './timeline/plan.js';
import type { CalendarSpec } from './types.js';
import { zoneRules } from './zone/rules.js';

/** Throws `EngineError('invalid_calendar')` listing every problem when the spec is not valid. */
export function compileCalendar(spec: CalendarSpec): Schedule {
  const problems = validateCalendarSpec(spec);
  if (problems.length > 0) {
    const name = typeof spec?.id === 'string' ? `calendar "${spec.id}"` : 'calendar';
    const list = problems.map((p) => `${p.path || '(calendar)'}: ${p.message}`).join('; ');
    throw new EngineError('invalid_calendar', `${name} is not valid: ${list}`, problems);
  }
  return new Schedule(spec, planOf(spec), zoneRules(spec.zone));
}
