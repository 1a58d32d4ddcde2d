/**
 * The status page's words and formats in one language: statuses, impacts, dates (always UTC, with
 * the zone named) and percentages.
 */
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../incidents/tables.js';
import { formatZonedIn, type Locale, type MessageId, translator } from '../i18n/index.js';
import type { Indicator } from './overall.js';

const COMPONENT_STATUS: Record<ComponentStatus, MessageId> = {
  operational: 'status-page.componentStatus.operational',
  degraded_performance: 'status-page.componentStatus.degradedPerformance',
  partial_outage: 'status-page.componentStatus.partialOutage',
  major_outage: 'status-page.componentStatus.majorOutage',
  under_maintenance: 'status-page.componentStatus.underMaintenance',
};
const INCIDENT_STATUS: Record<IncidentStatus, MessageId> = {
  investigating: 'status-page.incidentStatus.investigating',
  identified: 'status-page.incidentStatus.identified',
  monitoring: 'status-page.incidentStatus.monitoring',
  resolved: 'status-page.incidentStatus.resolved',
  scheduled: 'status-page.incidentStatus.scheduled',
  in_progress: 'status-page.incidentStatus.inProgress',
  verifying: 'status-page.incidentStatus.verifying',
  completed: 'status-page.incidentStatus.completed',
};
const IMPACT: Record<IncidentImpact, MessageId> = {
  none: 'status-page.impact.none',
  minor: 'status-page.impact.minor',
  major: 'status-page.impact.major',
  critical: 'status-page.impact.critical',
  maintenance: 'status-page.impact.maintenance',
};
const INDICATOR: Record<Indicator, MessageId> = {
  none: 'status-page.indicator.none',
  minor: 'status-page.indicator.minor',
  major: 'status-page.indicator.major',
  critical: 'status-page.indicator.critical',
  maintenance: 'status-page.indicator.maintenance',
};

export interface Words {
  locale: Locale;
  t: ReturnType<typeof translator>['t'];
  componentStatus(status: ComponentStatus): string;
  incidentStatus(status: IncidentStatus): string;
  impact(impact: IncidentImpact): string;
  indicator(indicator: Indicator): string;
  /** An instant, in UTC with the zone named. */
  time(iso: string): string;
  /** A UTC day (YYYY-MM-DD). */
  day(date: string): string;
  /** 99.95 → "99.95%" in the language's way. */
  percent(value: number): string;
}

const made = new Map<Locale, Words>();

export function wordsOf(locale: Locale): Words {
  let words = made.get(locale);
  if (words) return words;
  const { t } = translator(locale);
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  words = {
    locale,
    t,
    componentStatus: (s) => t(COMPONENT_STATUS[s] ?? COMPONENT_STATUS.operational),
    incidentStatus: (s) => t(INCIDENT_STATUS[s] ?? INCIDENT_STATUS.investigating),
    impact: (i) => t(IMPACT[i] ?? IMPACT.none),
    indicator: (i) => t(INDICATOR[i]),
    time: (iso) => formatZonedIn(locale, Date.parse(iso), 'UTC'),
    day: (date) => days.format(Date.parse(`${date}T00:00:00Z`)),
    // Never rounds up to 100% while some time was lost.
    percent: (value) => percents.format(Math.floor(value * 100) / 10_000),
  };
  made.set(locale, words);
  return words;
}
