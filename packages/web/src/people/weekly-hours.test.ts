import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import { hoursToText, overnightNote, parseDay, parseWeek, spanText, summarizeHours, weekdayLabel } from './weekly-hours.js';

const EMPTY_WEEK = { mon: '', tue: '', wed: '', thu: '', fri: '', sat: '', sun: '' };

describe('weekly hours as text', () => {
  it('reads spans with any dash, sorted, and writes them back', () => {
    expect(parseDay('13:00-17:00, 9:00 – 12:00')).toEqual({ ok: true, spans: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] });
    expect(parseDay('  ')).toEqual({ ok: true, spans: [] });
    expect(parseDay('20:00–24:00')).toEqual({ ok: true, spans: [{ from: '20:00', to: '24:00' }] });
    expect(hoursToText({ mon: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] })).toMatchObject({ mon: '09:00–12:00, 13:00–17:00', tue: '' });
  });

  it('reads a span whose end is at or before its start as running into the next day, as the API keeps it', () => {
    expect(parseDay('22:00–06:00')).toEqual({ ok: true, spans: [{ from: '22:00', to: '06:00' }] });
    expect(parseDay('22:00-06:00 (next day)')).toEqual({ ok: true, spans: [{ from: '22:00', to: '06:00' }] });
    expect(parseDay('18:00 to 02:30 (Next Day), 08:00–12:00')).toEqual({ ok: true, spans: [{ from: '08:00', to: '12:00' }, { from: '18:00', to: '02:30' }] });
    // Ending at the next midnight is the same as ending at 24:00.
    expect(parseDay('22:00–00:00')).toEqual({ ok: true, spans: [{ from: '22:00', to: '24:00' }] });
    expect(spanText({ from: '22:00', to: '06:00' })).toBe('22:00–06:00 (next day)');
    expect(spanText({ from: '22:00', to: '00:00' })).toBe('22:00–24:00');
    expect(spanText({ from: '09:00', to: '17:00' })).toBe('09:00–17:00');
    expect(hoursToText({ fri: [{ from: '22:00', to: '06:00' }] })).toMatchObject({ fri: '22:00–06:00 (next day)', sat: '' });
    expect(summarizeHours({ mon: [{ from: '22:00', to: '06:00' }], tue: [{ from: '22:00', to: '06:00' }] })).toBe('Mon–Tue 22:00–06:00 (next day)');
  });

  it('says where a span that runs past midnight ends', () => {
    expect(overnightNote('mon', '08:00–12:00, 22:00–06:00')).toBe('22:00–06:00 (next day) ends on Tuesday at 06:00.');
    expect(overnightNote('sun', '23:00–01:00')).toBe('23:00–01:00 (next day) ends on Monday at 01:00.');
    expect(overnightNote('mon', '09:00–17:00')).toBe('');
    expect(overnightNote('mon', 'x')).toBe('');
  });

  it('says what is wrong with a day', () => {
    expect(parseDay('nine to five')).toEqual({ ok: false, message: '"nine to five" is not a span of hours; write it as 09:00–17:00, or 22:00–06:00 for hours past midnight.' });
    expect(parseDay('09:00–25:00')).toMatchObject({ ok: false, message: expect.stringContaining('does not exist') });
    expect(parseDay('24:00–24:00')).toMatchObject({ ok: false, message: expect.stringContaining('does not exist') });
    expect(parseDay('24:00–06:00')).toMatchObject({ ok: false, message: expect.stringContaining('does not exist') });
    expect(parseDay('09:00')).toMatchObject({ ok: false, message: expect.stringContaining('is not a span of hours') });
    expect(parseDay('17:00–17:00')).toEqual({ ok: false, message: '"17:00–17:00" starts and ends at the same time; for a whole day write 00:00–24:00.' });
    expect(parseDay('00:00–00:00')).toMatchObject({ ok: false, message: expect.stringContaining('starts and ends at the same time') });
    expect(parseDay('09:00–17:00 (next day)')).toEqual({ ok: false, message: '"09:00–17:00 (next day)" ends after it starts on the same day; leave out (next day).' });
    expect(parseDay('09:00–13:00, 12:00–18:00')).toEqual({ ok: false, message: '09:00–13:00 and 12:00–18:00 overlap; merge them.' });
    expect(parseDay('22:00–06:00, 23:00–01:00')).toEqual({ ok: false, message: '22:00–06:00 (next day) and 23:00–01:00 (next day) overlap; merge them.' });
    expect(parseDay('20:00–23:00, 22:00–02:00')).toEqual({ ok: false, message: '20:00–23:00 and 22:00–02:00 (next day) overlap; merge them.' });
  });

  it('reads a week, naming each bad day, and leaves out days without hours', () => {
    const week = { mon: '09:00–17:00', tue: '', wed: 'x', thu: '', fri: '10:00-11:00', sat: '', sun: '' };
    expect(parseWeek(week)).toEqual({ ok: false, errors: { wed: expect.stringContaining('"x"') } });
    expect(parseWeek({ ...week, wed: '' })).toEqual({ ok: true, hours: { mon: [{ from: '09:00', to: '17:00' }], fri: [{ from: '10:00', to: '11:00' }] } });
  });

  it('accepts a night span that ends before the next day starts, and refuses one that runs into it', () => {
    expect(parseWeek({ ...EMPTY_WEEK, mon: '22:00–06:00', tue: '06:00–10:00' })).toEqual({
      ok: true,
      hours: { mon: [{ from: '22:00', to: '06:00' }], tue: [{ from: '06:00', to: '10:00' }] },
    });
    expect(parseWeek({ ...EMPTY_WEEK, mon: '22:00–06:00', tue: '05:00–10:00' })).toEqual({
      ok: false,
      errors: { mon: "22:00–06:00 (next day) runs into Tuesday's 05:00–10:00; end it by 05:00 or change Tuesday." },
    });
    // Sunday night runs into Monday morning.
    expect(parseWeek({ ...EMPTY_WEEK, sun: '20:00–02:00', mon: '01:00–03:00' })).toEqual({
      ok: false,
      errors: { sun: "20:00–02:00 (next day) runs into Monday's 01:00–03:00; end it by 01:00 or change Monday." },
    });
  });

  it('summarises runs of days with the same hours', () => {
    const span = [{ from: '09:00', to: '18:00' }];
    expect(summarizeHours({ mon: span, tue: span, wed: span, thu: span, fri: span })).toBe('Mon–Fri 09:00–18:00');
    expect(summarizeHours({ mon: span, wed: span, sat: [{ from: '10:00', to: '12:00' }] })).toBe('Mon 09:00–18:00; Wed 09:00–18:00; Sat 10:00–12:00');
    expect(summarizeHours(null)).toBe('no weekly hours');
  });
});

describe('weekly hours in the language shown', () => {
  afterEach(async () => {
    await useLanguage('en');
  });

  it('writes and reads the next-day marker of that language', async () => {
    await useLanguage('de');
    expect(spanText({ from: '22:00', to: '06:00' })).toBe('22:00–06:00 (Folgetag)');
    expect(parseDay('22:00–06:00 (folgetag)')).toEqual({ ok: true, spans: [{ from: '22:00', to: '06:00' }] });
    expect(parseDay('22:00–06:00 (Urlaub)')).toMatchObject({ ok: false, message: expect.stringContaining('ist keine Zeitspanne') });
    expect(summarizeHours({ mon: [{ from: '09:00', to: '17:00' }], tue: [{ from: '09:00', to: '17:00' }], sat: [{ from: '22:00', to: '06:00' }] })).toBe(
      'Mo–Di 09:00–17:00; Sa 22:00–06:00 (Folgetag)',
    );
    expect(summarizeHours(null)).toBe('keine Wochenarbeitszeiten');
    expect(weekdayLabel('wed')).toBe('Mittwoch');
  });

  it('names the next day in the grammatical case each sentence needs', async () => {
    await useLanguage('ru');
    expect(overnightNote('tue', '22:00–06:00')).toBe('22:00–06:00 (следующий день) заканчивается в среду в 06:00.');
    expect(parseWeek({ ...EMPTY_WEEK, thu: '20:00–02:00', fri: '01:00–03:00' })).toEqual({
      ok: false,
      errors: { thu: '20:00–02:00 (следующий день) заходит на часы пятницы (01:00–03:00); закончите интервал не позже 01:00 или измените часы пятницы.' },
    });
    await useLanguage('pt-BR');
    expect(overnightNote('fri', '23:00–01:00')).toBe('23:00–01:00 (dia seguinte) termina no sábado às 01:00.');
    expect(parseDay('17:00–17:00')).toEqual({ ok: false, message: '“17:00–17:00” começa e termina no mesmo horário; para o dia inteiro, escreva 00:00–24:00.' });
  });
});
