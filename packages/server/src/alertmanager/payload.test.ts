import { describe, expect, it } from 'vitest';
import { AlertmanagerPayload, impactOf, readGroup, statusOfSeverity } from './payload.js';

const base = { version: '4', groupKey: 'g', status: 'firing', receiver: 'r', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am:9093' };

describe('reading an Alertmanager notification', () => {
  it('maps severity to component status', () => {
    expect(['critical', 'CRITICAL', 'warning', 'error', 'info', undefined].map(statusOfSeverity)).toEqual([
      'major_outage',
      'major_outage',
      'partial_outage',
      'partial_outage',
      'degraded_performance',
      'degraded_performance',
    ]);
  });

  it('takes the worst firing alert per component, the common label for alerts without one, and operational for resolved-only components', () => {
    const payload = AlertmanagerPayload.parse({
      ...base,
      commonLabels: { component: 'mail-send' },
      alerts: [
        { status: 'firing', labels: { severity: 'warning' } },
        { status: 'firing', labels: { component: 'mail-send', severity: 'critical' } },
        { status: 'resolved', labels: { component: 'mail-send', severity: 'info' } },
        { status: 'resolved', labels: { component: 'SMS-API', severity: 'critical' } },
      ],
    });
    const reading = readGroup(payload);
    expect([...reading.components]).toEqual([
      ['mail-send', 'major_outage'],
      ['sms-api', 'operational'],
    ]);
    expect(reading.firing).toBe(true);
    expect(impactOf(reading.components.values())).toBe('major');
  });

  it('treats every alert of a resolved group as resolved, and counts alerts without a component', () => {
    const reading = readGroup(AlertmanagerPayload.parse({ ...base, status: 'resolved', alerts: [{ status: 'firing', labels: { component: 'x' } }, { status: 'resolved', labels: {} }] }));
    expect([...reading.components]).toEqual([['x', 'operational']]);
    expect(reading.firing).toBe(false);
    expect(reading.withoutComponent).toBe(1);
    expect(impactOf([])).toBe('none');
    expect(impactOf(['degraded_performance'])).toBe('minor');
  });

  it('accepts fields it does not use (later payload versions add some) but not another version', () => {
    expect(AlertmanagerPayload.safeParse({ ...base, alerts: [], extra: 1 }).success).toBe(true);
    expect(AlertmanagerPayload.safeParse({ ...base, version: '5', alerts: [] }).success).toBe(false);
  });
});
