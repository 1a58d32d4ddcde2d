import { describe, expect, it } from 'vitest';
import { pauseBreaks, statusAt } from './breaks.js';

const pausing = new Set(['pending', 'on_hold', 'solved', 'closed']);

describe('pauseBreaks', () => {
  it('turns pausing stretches of the status history into breaks; the current one is open-ended', () => {
    const history = [
      { status: 'new', at: 0 },
      { status: 'open', at: 5 },
      { status: 'pending', at: 10 },
      { status: 'open', at: 20 },
      { status: 'pending', at: 30 },
    ];
    expect(pauseBreaks(history, pausing, 100)).toEqual([
      { start: 10, end: 20, status: 'pending' },
      { start: 30, end: Infinity, status: 'pending' },
    ]);
  });

  it('joins adjacent pausing statuses into one break and ignores changes after now', () => {
    const history = [
      { status: 'open', at: 0 },
      { status: 'pending', at: 10 },
      { status: 'on_hold', at: 15 },
      { status: 'open', at: 20 },
      { status: 'pending', at: 120 },
    ];
    expect(pauseBreaks(history, pausing, 100)).toEqual([{ start: 10, end: 20, status: 'pending' }]);
  });

  it('reads the history in time order and only pauses for the given statuses', () => {
    const history = [
      { status: 'open', at: 20 },
      { status: 'new', at: 0 },
      { status: 'on_hold', at: 10 },
    ];
    expect(pauseBreaks(history, new Set(['pending']), 100)).toEqual([]);
    expect(pauseBreaks(history, new Set(['on_hold']), 100)).toEqual([{ start: 10, end: 20, status: 'on_hold' }]);
  });
});

describe('statusAt', () => {
  it('is the last status set at or before the instant', () => {
    const history = [
      { status: 'new', at: 0 },
      { status: 'pending', at: 10 },
    ];
    expect(statusAt(history, 9)).toBe('new');
    expect(statusAt(history, 10)).toBe('pending');
    expect(statusAt(history, -1)).toBeNull();
  });
});
