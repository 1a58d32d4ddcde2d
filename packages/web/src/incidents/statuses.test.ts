import { describe, expect, it } from 'vitest';
import { choiceBody, defaultComponentStatus, finalStatusOf, isFinished, statusesOf } from './statuses.js';

describe('incident and maintenance statuses', () => {
  it('move through their own statuses and end with their own', () => {
    expect(statusesOf('incident')).toEqual(['investigating', 'identified', 'monitoring', 'resolved']);
    expect(statusesOf('maintenance')).toEqual(['scheduled', 'in_progress', 'verifying', 'completed']);
    expect(finalStatusOf('incident')).toBe('resolved');
    expect(finalStatusOf('maintenance')).toBe('completed');
    expect(defaultComponentStatus('maintenance')).toBe('under_maintenance');
    expect(defaultComponentStatus('incident')).toBe('partial_outage');
  });

  it('are finished once resolved or completed, or once the service recorded the end', () => {
    expect(isFinished({ kind: 'incident', status: 'monitoring', resolved_at: null })).toBe(false);
    expect(isFinished({ kind: 'incident', status: 'resolved', resolved_at: null })).toBe(true);
    expect(isFinished({ kind: 'maintenance', status: 'verifying', resolved_at: '2026-11-25T10:00:00Z' })).toBe(true);
    expect(isFinished({ kind: 'maintenance', status: 'resolved', resolved_at: null })).toBe(false);
  });

  it('send the chosen components with their statuses, in the order shown', () => {
    const shown = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(choiceBody(shown, new Map([['c', 'major_outage'], ['a', 'operational']]))).toEqual([
      { id: 'a', status: 'operational' },
      { id: 'c', status: 'major_outage' },
    ]);
    expect(choiceBody(shown, new Map())).toEqual([]);
  });
});
