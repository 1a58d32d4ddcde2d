import { describe, expect, it } from 'vitest';
import { describeClosures, explainSentence, wallTime } from './explain.js';

const seg = (local_start: string, local_end: string) => ({ local_start, local_end });

describe('explainSentence', () => {
  it('says the due time, the open segments and the named closures in the calendar zone', () => {
    const sentence = explainSentence({
      zone: 'America/Los_Angeles',
      due: '2026-11-30T15:00:00.000Z',
      open: [seg('2026-11-25T17:00:00-08:00', '2026-11-25T18:00:00-08:00'), seg('2026-11-30T06:00:00-08:00', '2026-11-30T07:00:00-08:00')],
      closed: [
        { ...seg('2026-11-25T18:00:00-08:00', '2026-11-26T00:00:00-08:00'), reason: 'night', name: null },
        { ...seg('2026-11-26T00:00:00-08:00', '2026-11-27T00:00:00-08:00'), reason: 'holiday', name: 'Thanksgiving Day' },
        { ...seg('2026-11-27T00:00:00-08:00', '2026-11-28T00:00:00-08:00'), reason: 'holiday', name: 'Day after Thanksgiving' },
        { ...seg('2026-11-28T00:00:00-08:00', '2026-11-30T06:00:00-08:00'), reason: 'weekend', name: null },
      ],
    });
    expect(sentence).toBe('Due Mon 07:00: Wed 17:00–18:00, then Mon from 06:00; Thu–Fri closed for Thanksgiving Day and Day after Thanksgiving.');
  });

  it('gives one span when the target fits in one opening, and nothing while the clock is paused', () => {
    const open = [seg('2026-11-23T06:00:00-08:00', '2026-11-23T10:00:00-08:00')];
    expect(explainSentence({ zone: 'America/Los_Angeles', due: '2026-11-23T18:00:00.000Z', open, closed: [] })).toBe('Due Mon 10:00: Mon 06:00–10:00.');
    expect(explainSentence({ zone: 'America/Los_Angeles', due: null, open, closed: [] })).toBeNull();
  });

  it('names pauses by the status that paused the clock', () => {
    const closures = describeClosures([{ ...seg('2026-11-24T07:00:00-08:00', '2026-11-25T07:00:00-08:00'), reason: 'paused', name: 'pending' }]);
    expect(closures).toEqual(['paused while pending Tue 07:00–Wed 07:00']);
  });

  it('reads wall times as written, whatever the zone offset', () => {
    expect(wallTime('2027-12-31T23:30:00+05:30')).toEqual({ date: '2027-12-31', day: 'Fri', time: '23:30' });
  });
});
