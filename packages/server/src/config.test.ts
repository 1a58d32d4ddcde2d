import { describe, expect, it } from 'vitest';
import { ConfigError, parseClockSetting, readConfig } from './config.js';

describe('HOURGLASS_CLOCK', () => {
  it('reads fixed and offset instants', () => {
    expect(parseClockSetting('fixed:2026-03-02T09:00:00Z')).toEqual({ kind: 'fixed', at: Date.parse('2026-03-02T09:00:00Z') });
    expect(parseClockSetting('offset:2026-03-02T09:00:00-08:00')).toEqual({ kind: 'offset', startAt: Date.parse('2026-03-02T17:00:00Z') });
  });

  it('refuses an instant outside the years due times are computed for, saying which years', () => {
    const problems: string[] = [];
    expect(parseClockSetting('fixed:2499-12-01T00:00:00Z', problems)).toEqual({ kind: 'system' });
    expect(problems).toEqual([expect.stringContaining('from 1900 to 2399')]);
    expect(() => readConfig({ HOURGLASS_CLOCK: 'offset:1801-01-01T00:00:00Z' })).toThrow(ConfigError);
  });
});
