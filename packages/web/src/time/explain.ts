/**
 * A due time explained in one sentence, in the calendar's own zone and the language shown:
 * `Due Mon 07:00: Fri 17:00–18:00, then Mon from 06:00; Thu–Fri closed for Thanksgiving Day and Day after Thanksgiving.`
 * Holiday names are the server's: `local_name`, in the reader's language where it has one, else `name`.
 */
import type { IntlShape } from 'react-intl';
import type { Explanation } from '../api/types.js';
import { activeIntl } from '../i18n/active.js';
import { weekdayName } from './format.js';
import { dateLocale, dateTimeFormat } from './locale.js';
import { temporal } from './temporal.js';

/** The wall times of a period of an explanation (generated contract), which is all the sentence reads of it. */
export type LocalSegment = Pick<Explanation['open'][number], 'local_start' | 'local_end'>;

/** The parts of a target's explanation that the sentence reads. */
export interface ExplanationLike extends Pick<Explanation, 'zone' | 'due'> {
  open: readonly LocalSegment[];
  closed: readonly (LocalSegment & Pick<Explanation['closed'][number], 'reason' | 'name'> & Partial<Pick<Explanation['closed'][number], 'local_name'>>)[];
}

export interface WallTime {
  /** `2026-11-27` */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  /** `Fri`, `Fr.`, `пт` */
  day: string;
  /** `17:00` */
  time: string;
  /** 00:00, the start of the day. */
  midnight: boolean;
}

/** `2026-11-27T17:00:00-08:00` → Friday the 27th at 17:00, as written (the calendar's wall time). */
export function wallTime(local: string): WallTime {
  const wall = temporal().PlainDateTime.from(local);
  const time = dateTimeFormat(dateLocale(), { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.UTC(2000, 0, 1, wall.hour, wall.minute));
  return { date: wall.toPlainDate().toString(), dayOfWeek: wall.dayOfWeek, day: weekdayName(wall.dayOfWeek), time, midnight: wall.hour === 0 && wall.minute === 0 };
}

/** The end of a span on the same day; midnight after the start day reads `24:00`. */
function spanEnd(start: WallTime, end: WallTime, intl: IntlShape): string {
  if (end.date === start.date) return end.time;
  if (end.midnight && isSameOrNextDay(start.date, end.date)) return intl.formatMessage({ id: 'time.explain.midnight' });
  return intl.formatMessage({ id: 'time.explain.dayTime' }, { day: end.day, time: end.time });
}

/** The open segments: the first and middle ones as spans, the last as `from` its start. */
export function describeOpen(open: readonly LocalSegment[], intl: IntlShape = activeIntl()): string {
  const segments = open.map((segment, index) => {
    const start = wallTime(segment.local_start);
    const end = wallTime(segment.local_end);
    const last = index === open.length - 1 && open.length > 1;
    const text = last
      ? intl.formatMessage({ id: 'time.explain.openFrom' }, { day: start.day, start: start.time })
      : intl.formatMessage({ id: 'time.explain.openSpan' }, { day: start.day, start: start.time, end: spanEnd(start, end, intl) });
    return index === 0 ? text : intl.formatMessage({ id: 'time.explain.then' }, { segment: text });
  });
  return segments.join(', ');
}

interface ClosureGroup {
  reason: string;
  first: WallTime;
  last: WallTime;
  names: string[];
  end: WallTime;
}

function isSameOrNextDay(previous: string, next: string): boolean {
  if (previous === next) return true;
  return temporal().PlainDate.from(previous).add({ days: 1 }).toString() === next;
}

/** Named closures (holidays, exceptions, pauses): consecutive holidays are grouped, `Thu–Fri closed for …`. */
export function describeClosures(closed: ExplanationLike['closed'], intl: IntlShape = activeIntl()): string[] {
  const named = closed.filter((c) => c.reason === 'holiday' || c.reason === 'exception' || c.reason === 'paused');
  const groups: ClosureGroup[] = [];
  for (const closure of named) {
    const start = wallTime(closure.local_start);
    const end = wallTime(closure.local_end);
    // The holiday's name in the reader's language where the server has it (it answers in the language asked for).
    const label = closure.local_name ?? closure.name ?? intl.formatMessage({ id: 'time.explain.reason' }, { reason: closure.reason });
    const previous = groups[groups.length - 1];
    if (previous && closure.reason === 'holiday' && previous.reason === 'holiday' && isSameOrNextDay(previous.last.date, start.date)) {
      previous.last = start;
      previous.end = end;
      if (!previous.names.includes(label)) previous.names.push(label);
      continue;
    }
    groups.push({ reason: closure.reason, first: start, last: start, names: [label], end });
  }
  return groups.map((group) => {
    if (group.reason === 'paused') {
      return intl.formatMessage(
        { id: 'time.explain.pausedWhile' },
        {
          status: group.names[0]!,
          from: intl.formatMessage({ id: 'time.explain.dayTime' }, { day: group.first.day, time: group.first.time }),
          to: intl.formatMessage({ id: 'time.explain.dayTime' }, { day: group.end.day, time: group.end.time }),
        },
      );
    }
    const days = group.first.date === group.last.date ? group.first.day : intl.formatMessage({ id: 'time.explain.dayRange' }, { first: group.first.day, last: group.last.day });
    return intl.formatMessage({ id: 'time.explain.closedFor' }, { days, names: intl.formatList(group.names, { type: 'conjunction' }) });
  });
}

/** Why a stretch of time did not count, in a word: `night`, `weekend`, `holiday`. */
export function closureReason(reason: string, intl: IntlShape = activeIntl()): string {
  return intl.formatMessage({ id: 'time.explain.reason' }, { reason });
}

/** The whole sentence; `null` when there is no due time to explain (the clock is paused). */
export function explainSentence(explanation: ExplanationLike, intl: IntlShape = activeIntl()): string | null {
  if (explanation.due === null) return null;
  const dueAt = explanation.open.length > 0 ? wallTime(explanation.open[explanation.open.length - 1]!.local_end) : null;
  const due = dueAt ? intl.formatMessage({ id: 'time.explain.dayTime' }, { day: dueAt.day, time: dueAt.time }) : '';
  const open = explanation.open.length > 0 ? describeOpen(explanation.open, intl) : intl.formatMessage({ id: 'time.explain.noOpenTime' });
  const closures = describeClosures(explanation.closed, intl);
  if (closures.length === 0) return intl.formatMessage({ id: 'time.explain.sentence' }, { due, open });
  return intl.formatMessage({ id: 'time.explain.sentenceWithClosures' }, { due, open, closures: closures.join('; ') });
}
