/** Half-open time ranges `[start, end)` as plain records, with merge, subtract and clip. */
import type { Segment } from '../types.js';

/** Sorts and merges overlapping or touching ranges; drops empty ones. */
export function mergeRanges(ranges: Segment[]): Segment[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      if (r.end > last.end) last.end = r.end;
    } else {
      out.push({ start: r.start, end: r.end });
    }
  }
  return out;
}

/** `ranges` minus `holes`; both merged (sorted, disjoint). */
export function subtractRanges(ranges: readonly Segment[], holes: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let h = 0;
  for (const r of ranges) {
    let start = r.start;
    while (h < holes.length && holes[h]!.end <= start) h++;
    let k = h;
    while (k < holes.length && holes[k]!.start < r.end) {
      const hole = holes[k]!;
      if (hole.start > start) out.push({ start, end: hole.start });
      if (hole.end > start) start = hole.end;
      k++;
    }
    if (start < r.end) out.push({ start, end: r.end });
  }
  return out;
}

/** The parts of merged `ranges` inside `[from, to)`. */
export function clipRanges(ranges: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  for (const r of ranges) {
    const start = Math.max(r.start, from);
    const end = Math.min(r.end, to);
    if (end > start) out.push({ start, end });
  }
  return out;
}
