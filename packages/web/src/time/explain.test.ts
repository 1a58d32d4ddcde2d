import { beforeAll, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import { closureReason, describeClosures, explainSentence, wallTime } from './explain.js';

const seg = (local_start: string, local_end: string) => ({ local_start, local_end });

/** Thanksgiving week in Los Angeles: one hour on Wednesday evening, then Monday morning. */
const thanksgiving = {
  zone: 'America/Los_Angeles',
  due: '2026-11-30T15:00:00.000Z',
  open: [seg('2026-11-25T17:00:00-08:00', '2026-11-25T18:00:00-08:00'), seg('2026-11-30T06:00:00-08:00', '2026-11-30T07:00:00-08:00')],
  closed: [
    { ...seg('2026-11-25T18:00:00-08:00', '2026-11-26T00:00:00-08:00'), reason: 'night', name: null },
    { ...seg('2026-11-26T00:00:00-08:00', '2026-11-27T00:00:00-08:00'), reason: 'holiday', name: 'Thanksgiving Day' },
    { ...seg('2026-11-27T00:00:00-08:00', '2026-11-28T00:00:00-08:00'), reason: 'holiday', name: 'Day after Thanksgiving' },
    { ...seg('2026-11-28T00:00:00-08:00', '2026-11-30T06:00:00-08:00'), reason: 'weekend', name: null },
  ],
};

describe('explainSentence', () => {
  beforeAll(() => useLanguage('en'));

  it('says the due time, the open segments and the named closures in the calendar zone', async () => {
    await useLanguage('en');
    expect(explainSentence(thanksgiving)).toBe('Due Mon 07:00: Wed 17:00–18:00, then Mon from 06:00; Thu–Fri closed for Thanksgiving Day and Day after Thanksgiving.');
  });

  it('says it in each language, with the holiday names the server sent', async () => {
    const german = {
      ...thanksgiving,
      closed: thanksgiving.closed.map((c) => ({ ...c, name: c.name === 'Thanksgiving Day' ? 'Erntedankfest' : c.name === null ? null : 'Tag nach Erntedank' })),
    };
    await useLanguage('de');
    expect(explainSentence(german)).toBe('Fällig Mo 07:00: Mi 17:00–18:00, dann Mo ab 06:00; Do–Fr geschlossen (Erntedankfest und Tag nach Erntedank).');
    await useLanguage('ru');
    expect(explainSentence({ ...thanksgiving, closed: [{ ...thanksgiving.closed[1]!, local_name: 'День благодарения' }] })).toBe(
      'Срок пн 07:00: ср 17:00–18:00, затем пн с 06:00; чт: не работаем (День благодарения).',
    );
    await useLanguage('pt-BR');
    expect(explainSentence({ ...thanksgiving, closed: [] })).toBe('Vence seg. 07:00: qua. 17:00–18:00, depois seg. a partir das 06:00.');
    await useLanguage('es');
    expect(explainSentence({ ...thanksgiving, closed: [] })).toBe('Vence lun 07:00: mié 17:00–18:00, luego lun desde las 06:00.');
  });

  it('gives one span when the target fits in one opening, midnight as 24:00, and nothing while the clock is paused', async () => {
    await useLanguage('en');
    const open = [seg('2026-11-23T06:00:00-08:00', '2026-11-23T10:00:00-08:00')];
    expect(explainSentence({ zone: 'America/Los_Angeles', due: '2026-11-23T18:00:00.000Z', open, closed: [] })).toBe('Due Mon 10:00: Mon 06:00–10:00.');
    const late = [seg('2026-11-23T22:00:00-08:00', '2026-11-24T00:00:00-08:00'), seg('2026-11-24T06:00:00-08:00', '2026-11-24T07:00:00-08:00')];
    expect(explainSentence({ zone: 'America/Los_Angeles', due: '2026-11-24T15:00:00.000Z', open: late, closed: [] })).toBe('Due Tue 07:00: Mon 22:00–24:00, then Tue from 06:00.');
    expect(explainSentence({ zone: 'America/Los_Angeles', due: null, open, closed: [] })).toBeNull();
  });

  it('names pauses by the status that paused the clock', async () => {
    await useLanguage('en');
    const pause = [{ ...seg('2026-11-24T07:00:00-08:00', '2026-11-25T07:00:00-08:00'), reason: 'paused', name: 'pending' }];
    expect(describeClosures(pause)).toEqual(['paused while pending Tue 07:00–Wed 07:00']);
    await useLanguage('de');
    expect(describeClosures(pause)).toEqual(['pausiert (wartet auf Antwort) Di 07:00–Mi 07:00']);
  });

  it('says why time did not count: night, weekend', async () => {
    await useLanguage('en');
    expect(closureReason('night')).toBe('night');
    expect(closureReason('weekend')).toBe('weekend');
    await useLanguage('pt-BR');
    expect(closureReason('weekend')).toBe('fim de semana');
    await useLanguage('ru');
    expect(closureReason('night')).toBe('ночь');
  });

  it('reads wall times as written, whatever the zone offset', async () => {
    await useLanguage('en');
    expect(wallTime('2027-12-31T23:30:00+05:30')).toEqual({ date: '2027-12-31', dayOfWeek: 5, day: 'Fri', time: '23:30', midnight: false });
  });
});
