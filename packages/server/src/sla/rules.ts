import { SlaError } from './errors.js';
import type { MetricKind, SlaPackVersion } from './types.js';

export const METRIC_KINDS: readonly MetricKind[] = ['acknowledgment', 'first_response', 'next_update', 'resolution'];

/** A metric whose kind has been checked. */
export interface KnownMetric {
  readonly id: string;
  readonly kind: MetricKind;
}

/** The clock rules of a policy pack version, gathered once from its typed fields. */
export interface SlaRules {
  /** The metrics the pack measures, in the pack's order. */
  metrics: readonly KnownMetric[];
  /** For each metric id, the statuses that pause it. */
  pausingStatuses: ReadonlyMap<string, ReadonlySet<string>>;
  clockStart: 'on_create' | 'on_intake_complete';
  channelsWithoutSla: ReadonlySet<string>;
  /** The fraction of a target's business time at which a breach warning is due; `null`: none. */
  breachWarningAt: number | null;
}

/** Reads the SLA clock rules of a pack version. */
export function slaRules(pack: SlaPackVersion): SlaRules {
  const unknown = pack.metrics.filter((m) => !isMetricKind(m.kind));
  if (unknown.length > 0) {
    const named = unknown.map((m) => `"${m.id}" (kind "${m.kind}")`).join(', ');
    throw new SlaError(
      'unknown_metric_kind',
      `The SLA clocks cannot measure the metric ${named}; a metric's kind must be one of ${METRIC_KINDS.join(', ')}.`,
    );
  }
  const warning = pack.breachWarningAt;
  return {
    metrics: pack.metrics.map((m) => ({ id: m.id, kind: m.kind as MetricKind })),
    pausingStatuses: new Map(pack.metrics.map((m) => [m.id, new Set(m.paused_by ?? [])])),
    clockStart: pack.clockStart,
    channelsWithoutSla: new Set(pack.channelsWithoutSla),
    breachWarningAt: warning !== null && warning > 0 && warning < 1 ? warning : null,
  };
}

/** The metric of a pack version with this id; the error names the pack's metrics. */
export function findMetric(rules: SlaRules, id: string): KnownMetric {
  const metric = rules.metrics.find((m) => m.id === id);
  if (!metric) {
    throw new SlaError(
      'unknown_metric',
      `"${id}" is not a metric of this policy; use one of ${rules.metrics.map((m) => m.id).join(', ')}.`,
    );
  }
  return metric;
}

export function isMetricKind(kind: string): kind is MetricKind {
  return (METRIC_KINDS as readonly string[]).includes(kind);
}
