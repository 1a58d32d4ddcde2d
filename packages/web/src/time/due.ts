/** Where a response target stands, as a short phrase in the language shown: `due in 3h 5m`, `overdue by 12m 30s`. */
import type { IntlShape } from 'react-intl';
import type { Target } from '../api/types.js';
import { activeIntl } from '../i18n/active.js';
import { formatSpan } from './duration.js';

export type Tone = 'ok' | 'warning' | 'breached' | 'met' | 'paused' | 'none';

/** The parts of a target (generated contract) that its due status reads. */
export type TargetLike = Pick<Target, 'state' | 'due_at' | 'warning_at' | 'met_at' | 'at_risk' | 'none_reason'>;

export interface DueStatus {
  tone: Tone;
  /** A short phrase for lists: `due in 3h 5m`, `overdue by 12m 30s`, `met`, `paused`. */
  text: string;
}

/** Where a target stands at `now` (the countdown runs on the wall clock towards its due time). */
export function dueStatus(target: TargetLike, now: number, intl: IntlShape = activeIntl()): DueStatus {
  const say = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const span = (ms: number) => formatSpan(ms, 'narrow', { intl });
  switch (target.state) {
    case 'none':
      return { tone: 'none', text: noGuaranteeText(target.none_reason, intl) };
    case 'met':
      return { tone: 'met', text: say('time.due.met') };
    case 'paused':
      return { tone: 'paused', text: say('time.due.paused') };
    case 'breached':
    case 'active': {
      if (target.due_at === null) return { tone: 'paused', text: say('time.due.paused') };
      const due = Date.parse(target.due_at);
      if (target.met_at !== null) return { tone: 'breached', text: say('time.due.metLate', { span: span(Date.parse(target.met_at) - due) }) };
      if (target.state === 'breached' || due <= now) return { tone: 'breached', text: say('time.due.overdueBy', { span: span(now - due) }) };
      const warning = target.warning_at === null ? null : Date.parse(target.warning_at);
      const tone: Tone = target.at_risk || (warning !== null && now >= warning) ? 'warning' : 'ok';
      return { tone, text: say('time.due.dueIn', { span: span(due - now) }) };
    }
  }
}

/** Why a ticket has no due time, in the language shown. */
export function noGuaranteeText(reason: string | null, intl: IntlShape = activeIntl()): string {
  return intl.formatMessage({ id: 'time.due.noGuarantee' }, { reason: reason ?? 'none' });
}

/** A target whose clock still runs: active, or breached and not yet met. */
export function isRunning(target: TargetLike): boolean {
  return target.state === 'active' || (target.state === 'breached' && target.met_at === null);
}
