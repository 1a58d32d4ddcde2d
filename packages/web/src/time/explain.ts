/**
 * A due time explained in one sentence, in the calendar's own zone:
 * `Due Mon 07:00: Fri 17:00–18:00, then Mon from 06:00; Thu–Fri closed for Thanksgiving Day and Day after Thanksgiving.`
 */

import type { Explanation } from '../api/types.js';

/** The wall times of a period of an explanation (generated contract), which is all the sentence reads of it. */
export type LocalSegment = Pick<Explanation['open'][number], 'local_start' | 'local_end'>;

/** The parts of a target's explanation that the sentence reads. */
export interface ExplanationLike extends Pick<Explanation, 'zone' | 'due'> {
  open: readonly LocalSegment[];
  closed: readonly (LocalSegment & Pick<Explanation['closed'][number], 'reason' | 'name'>)[];
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `2026-11-27T17:00:00-08:00` → `{ date: '2026-11-27', day: 'Fri', time: '17:00' }` (wall time as written). */
export function wallTime(local: string): { date: string; day: string; time: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return { date: local, day: '', time: local };
  const [, y, m, d, hh, mm] = match;
  const weekday = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay();
  return { date: `${y}-${m}-${d}`, day: WEEKDAYS[weekday]!, time: `${hh}:${mm}` };
}

/** The open segments: the first and middle ones as spans, the last as `from` its start. */
export function describeOpen(open: readonly LocalSegment[]): string {
  return open
    .map((segment, index) => {
      const start = wallTime(segment.local_start);
      const end = wallTime(segment.local_end);
      const last = index === open.length - 1 && open.length > 1;
      const endText = end.date === start.date || end.time === '00:00' ? end.time : `${end.day} ${end.time}`;
      const text = last ? `${start.day} from ${start.time}` : `${start.day} ${start.time}–${endText === '00:00' ? '24:00' : endText}`;
      return index === 0 ? text : `then ${text}`;
    })
    .join(', ');
}

/** Named closures (holidays, pauses): consecutive days of the same kind are grouped, `Thu–Fri closed for …`. */
export function describeClosures(closed: ExplanationLike['closed']): string[] {
  const named = closed.filter((c) => c.reason !== 'night' && c.reason !== 'weekend' && c.reason !== 'closed');
  const groups: { reason: string; first: string; last: string; names: string[]; lastDate: string }[] = [];
  for (const closure of named) {
    const start = wallTime(closure.local_start);
    const endInstant = wallTime(closure.local_end);
    const label = closure.name ?? closure.reason;
    const previous = groups[groups.length - 1];
    if (previous && previous.reason === closure.reason && closure.reason === 'holiday' && isNextDay(previous.lastDate, start.date)) {
      previous.last = start.day;
      previous.lastDate = start.date;
      if (!previous.names.includes(label)) previous.names.push(label);
      continue;
    }
    if (closure.reason === 'paused') {
      groups.push({ reason: 'paused', first: `${start.day} ${start.time}`, last: `${endInstant.day} ${endInstant.time}`, names: [label], lastDate: start.date });
    } else {
      groups.push({ reason: closure.reason, first: start.day, last: start.day, names: [label], lastDate: start.date });
    }
  }
  return groups.map((g) => {
    if (g.reason === 'paused') return `paused while ${g.names[0]!.replace('_', ' ')} ${g.first}–${g.last}`;
    const days = g.first === g.last ? g.first : `${g.first}–${g.last}`;
    return `${days} closed for ${joinAnd(g.names)}`;
  });
}

function isNextDay(previous: string, next: string): boolean {
  if (previous === next) return true;
  const a = Date.parse(`${previous}T00:00:00Z`);
  const b = Date.parse(`${next}T00:00:00Z`);
  return b - a === 86_400_000;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The whole sentence; `null` when there is no due time to explain (the clock is paused). */
export function explainSentence(explanation: ExplanationLike): string | null {
  if (explanation.due === null) return null;
  const due = explanation.open.length > 0 ? explanation.open[explanation.open.length - 1]!.local_end : null;
  const dueText = due ? (() => {
    const w = wallTime(due);
    return `${w.day} ${w.time}`;
  })() : '';
  const parts = [describeOpen(explanation.open), ...describeClosures(explanation.closed)].filter((p) => p !== '');
  const [open, ...closures] = parts;
  const tail = closures.length > 0 ? `; ${closures.join('; ')}` : '';
  return `Due ${dueText}: ${open ?? 'no open time needed'}${tail}.`;
}
