import { describe, expect, it } from 'vitest';
import { hoursToText, parseDay, parseWeek, summarizeHours } from './weekly-hours.js';

describe('weekly hours as text', () => {
  it('reads spans with any dash, sorted, and writes them back', () => {
    expect(parseDay('13:00-17:00, 9:00 – 12:00')).toEqual({ ok: true, spans: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] });
    expect(parseDay('  ')).toEqual({ ok: true, spans: [] });
    expect(parseDay('20:00–24:00')).toEqual({ ok: true, spans: [{ from: '20:00', to: '24:00' }] });
    expect(hoursToText({ mon: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] })).toMatchObject({ mon: '09:00–12:00, 13:00–17:00', tue: '' });
  });

  it('says what is wrong with a day', () => {
    expect(parseDay('nine to five')).toEqual({ ok: false, message: '"nine to five" is not a span of hours; write it as 09:00–17:00.' });
    expect(parseDay('09:00–25:00')).toMatchObject({ ok: false, message: expect.stringContaining('does not exist') });
    expect(parseDay('24:00–24:00')).toMatchObject({ ok: false, message: expect.stringContaining('does not exist') });
    expect(parseDay('17:00–09:00')).toEqual({ ok: false, message: 'In "17:00–09:00" the end must be after the start (write midnight as 24:00).' });
    expect(parseDay('09:00–13:00, 12:00–18:00')).toEqual({ ok: false, message: '09:00–13:00 and 12:00–18:00 overlap; merge them.' });
  });

  it('reads a week, naming each bad day, and leaves out days without hours', () => {
    const week = { mon: '09:00–17:00', tue: '', wed: 'x', thu: '', fri: '10:00-11:00', sat: '', sun: '' };
    expect(parseWeek(week)).toEqual({ ok: false, errors: { wed: expect.stringContaining('"x"') } });
    expect(parseWeek({ ...week, wed: '' })).toEqual({ ok: true, hours: { mon: [{ from: '09:00', to: '17:00' }], fri: [{ from: '10:00', to: '11:00' }] } });
  });

  it('summarises runs of days with the same hours', () => {
    const span = [{ from: '09:00', to: '18:00' }];
    expect(summarizeHours({ mon: span, tue: span, wed: span, thu: span, fri: span })).toBe('Mon–Fri 09:00–18:00');
    expect(summarizeHours({ mon: span, wed: span, sat: [{ from: '10:00', to: '12:00' }] })).toBe('Mon 09:00–18:00; Wed 09:00–18:00; Sat 10:00–12:00');
    expect(summarizeHours(null)).toBe('no weekly hours');
  });
});
