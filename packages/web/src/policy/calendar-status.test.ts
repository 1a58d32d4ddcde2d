import { describe, expect, it } from 'vitest';
import { calendarStatus } from './calendar-status.js';

// 360dialog standard (Mon–Fri 02:00–22:00 Berlin), as the service answers at Wed 03:51:07.250 Berlin.
const ANSWER = {
  open_at_from: true,
  open: [
    { start: '2026-12-02T03:51:07.250+01:00', end: '2026-12-02T22:00:00+01:00' },
    { start: '2026-12-03T02:00:00+01:00', end: '2026-12-03T22:00:00+01:00' },
  ],
};
const at = (text: string) => Date.parse(text);

describe('whether a calendar is open now', () => {
  it('is open inside its hours even when the page reads the time a little before the service answered', () => {
    expect(calendarStatus(ANSWER, at('2026-12-02T03:51:07.000+01:00'))).toEqual({ state: 'open', until: '2026-12-02T22:00:00+01:00' });
    expect(calendarStatus(ANSWER, at('2026-12-02T03:51:06.000+01:00'))).toEqual({ state: 'open', until: '2026-12-02T22:00:00+01:00' });
    expect(calendarStatus(ANSWER, at('2026-12-02T21:59:59.999+01:00'))).toEqual({ state: 'open', until: '2026-12-02T22:00:00+01:00' });
  });

  it('closes at the end of the period and names the next opening', () => {
    expect(calendarStatus(ANSWER, at('2026-12-02T22:00:00+01:00'))).toEqual({ state: 'closed', opens: '2026-12-03T02:00:00+01:00' });
    const closed = { open_at_from: false, open: [{ start: '2026-12-03T02:00:00+01:00', end: '2026-12-03T22:00:00+01:00' }] };
    expect(calendarStatus(closed, at('2026-12-03T01:00:00+01:00'))).toEqual({ state: 'closed', opens: '2026-12-03T02:00:00+01:00' });
    expect(calendarStatus(closed, at('2026-12-03T02:00:00+01:00'))).toEqual({ state: 'open', until: '2026-12-03T22:00:00+01:00' });
    expect(calendarStatus({ open_at_from: false, open: [] }, at('2026-12-03T01:00:00+01:00'))).toEqual({ state: 'closed_for_days' });
  });
});
