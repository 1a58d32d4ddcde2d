/**
 * The service's clock as seen from the browser. Due times are counted on the service's clock
 * (which a demo may set far from real time with HOURGLASS_CLOCK), so countdowns read "now" from
 * here: the browser's clock plus the offset measured against `GET /api/v1/time`.
 */
import { http } from '../api/http.js';

/** One exchange with the service: when the request left, the service's time, when the answer came. */
export interface ClockSample {
  sentAt: number;
  serverNow: number;
  receivedAt: number;
}

/** The service's clock minus the browser's, assuming the answer was made halfway through the round trip. */
export function offsetOf(sample: ClockSample): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2;
}

let offset = 0;

/** The service's "now", in milliseconds since the Unix epoch. */
export function serverNow(): number {
  return Date.now() + offset;
}

/** Whole milliseconds: a half-millisecond offset would make "now" a fraction Temporal refuses as an instant. */
export function setServerOffset(ms: number): void {
  offset = Number.isFinite(ms) ? Math.round(ms) : 0;
}

/**
 * Measures the offset against the service; keeps the last one (or none) when the service cannot be
 * reached. Answers whether it was measured.
 */
export async function syncServerClock(): Promise<boolean> {
  try {
    const sentAt = Date.now();
    const { data, response } = await http.GET('/api/v1/time');
    const receivedAt = Date.now();
    if (!response.ok || typeof data?.now_ms !== 'number') return false;
    setServerOffset(offsetOf({ sentAt, serverNow: data.now_ms, receivedAt }));
    return true;
  } catch {
    return false;
  }
}
