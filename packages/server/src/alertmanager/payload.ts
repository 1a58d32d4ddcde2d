/**
 * Prometheus Alertmanager's webhook payload (version "4", the `webhook_config` receiver) and what it
 * means for component status. The payload carries one alert group: `groupKey` identifies the group
 * across notifications, `alerts` holds its alerts, firing and (with send_resolved) resolved ones.
 *
 * Mapping (documented in the API): an alert names the component by its `component` label (a
 * component key such as `mail-send`; the group's common label serves alerts without one). Its
 * `severity` label decides the status: `critical` → major_outage; `warning` or `error` →
 * partial_outage; anything else (or none) → degraded_performance. A component named by several
 * firing alerts takes the worst; one named only by resolved alerts is operational again.
 */
import { z } from 'zod';
import { STATUS_RANK } from '../incidents/status-timeline.js';
import type { ComponentStatus, IncidentImpact } from '../incidents/tables.js';

/** Alertmanager's own bound (max_alerts) is unbounded by default; the receiver takes this many. */
export const MAX_ALERTS = 1000;
export const BODY_LIMIT = 256 * 1024;
const MAX_LABELS = 100;

const labels = z
  .record(z.string().max(200), z.string().max(10_000))
  .refine((r) => Object.keys(r).length <= MAX_LABELS, { message: `At most ${MAX_LABELS} labels or annotations.` })
  .default({});
const alertStatus = z.enum(['firing', 'resolved']);

export const AlertSchema = z.object({
  status: alertStatus,
  labels,
  annotations: labels,
  startsAt: z.string().max(100).optional(),
  endsAt: z.string().max(100).optional(),
  generatorURL: z.string().max(4000).optional(),
  fingerprint: z.string().max(200).optional(),
});

export const AlertmanagerPayload = z
  .object({
    version: z.literal('4', { message: 'Only version "4" of the Alertmanager webhook payload is understood.' }),
    groupKey: z.string().min(1).max(2000),
    truncatedAlerts: z.number().int().min(0).optional(),
    status: alertStatus,
    receiver: z.string().max(500),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    externalURL: z.string().max(4000).optional(),
    alerts: z.array(AlertSchema).max(MAX_ALERTS),
  })
  .meta({ id: 'AlertmanagerWebhook' });
export type AlertmanagerPayloadInput = z.infer<typeof AlertmanagerPayload>;

/** The component status an alert's severity stands for. */
export function statusOfSeverity(severity: string | undefined): ComponentStatus {
  const s = severity?.trim().toLowerCase();
  if (s === 'critical') return 'major_outage';
  if (s === 'warning' || s === 'error') return 'partial_outage';
  return 'degraded_performance';
}

export interface GroupReading {
  /** Component key → status from now on (operational: no firing alert names it any longer). */
  components: Map<string, ComponentStatus>;
  firing: boolean;
  /** Alerts that name no component. */
  withoutComponent: number;
  name: string;
  summary: string;
}

/** What one notification of the group says of each component. */
export function readGroup(payload: AlertmanagerPayloadInput): GroupReading {
  const components = new Map<string, ComponentStatus>();
  let withoutComponent = 0;
  let firing = false;
  for (const alert of payload.alerts) {
    const key = (alert.labels.component ?? payload.commonLabels.component)?.trim().toLowerCase();
    const alive = payload.status === 'firing' && alert.status === 'firing';
    if (alive) firing = true;
    if (!key) {
      withoutComponent += 1;
      continue;
    }
    const status: ComponentStatus = alive ? statusOfSeverity(alert.labels.severity ?? payload.commonLabels.severity) : 'operational';
    const before = components.get(key) ?? 'operational';
    if (STATUS_RANK[status] >= STATUS_RANK[before]) components.set(key, status);
  }
  const alertname = payload.commonLabels.alertname ?? payload.groupLabels.alertname;
  const summary = payload.commonAnnotations.summary ?? payload.commonAnnotations.description ?? alertname ?? payload.groupKey;
  const name = (payload.commonAnnotations.summary ?? alertname ?? payload.groupKey).slice(0, 200);
  return { components, firing, withoutComponent, name, summary: summary.slice(0, 2000) };
}

/** The impact a draft opened by monitoring gets from the worst status it sets. */
export function impactOf(statuses: Iterable<ComponentStatus>): IncidentImpact {
  let worst = 0;
  for (const s of statuses) worst = Math.max(worst, STATUS_RANK[s]);
  return worst >= STATUS_RANK.major_outage ? 'major' : worst > 0 ? 'minor' : 'none';
}
