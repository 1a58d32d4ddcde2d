/** The open periods of a calendar inside a range of instants. */
import type { Timeline } from '../timeline/timeline.js';
import type { Segment } from '../types.js';

export function openPeriods(tl: Timeline, from: number, to: number): Segment[] {
  if (to <= from) return [];
  tl.ensure(from);
  tl.ensure(to);
  const out: Segment[] = [];
  let i = tl.locate(from);
  for (; i < tl.n && tl.starts[i]! < to; i++) {
    const start = Math.max(tl.starts[i]!, from);
    const end = Math.min(tl.ends[i]!, to);
    if (end > start) out.push({ start, end });
  }
  return out;
}
