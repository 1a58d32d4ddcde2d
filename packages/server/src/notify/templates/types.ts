import type { Translator } from '../../i18n/index.js';
import type { ExplanationStep } from '../../sla/explain-text.js';
import type { NotifyEvent } from '../events.js';

/** The ticket as every template shows it. `url` is where the reader opens it (absolute http(s)). */
export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  url: string;
}

/** An instant to show a reader: ISO 8601 with offset, and the zone to show it in (the reader's own). */
export interface DueTime {
  iso: string;
  zone: string;
}

/** A step of a due time's explanation, phrased in the reader's language when rendered; or a line already written. */
export type ExplanationItem = ExplanationStep | string;

/** One SLA target on a ticket: the metric's name, when it is due, and the engine's explanation. */
export interface TargetLine {
  metric: string;
  due: DueTime;
  explanation?: ExplanationItem[];
}

export interface TemplateData {
  ticket_created: { ticket: TicketSummary; requesterName?: string; priority: string; targets: TargetLine[] };
  public_reply: { ticket: TicketSummary; authorName: string; body: string };
  pending_reminder: { ticket: TicketSummary; autoSolveAt: DueTime };
  auto_solved: { ticket: TicketSummary; pendingBusinessDays: number };
  assigned: { ticket: TicketSummary; assigneeName: string; priority: string; targets: TargetLine[]; reason?: string };
  /**
   * `explanationZone`: the zone of the business hours the explanation lines are counted in;
   * `explanationHidden`: how many steps were left out of `explanation` (the email says so).
   */
  breach_warning: { ticket: TicketSummary; metric: string; due: DueTime; remainingMs: number; explanation: ExplanationItem[]; explanationZone?: string; explanationHidden?: number };
  breached: { ticket: TicketSummary; metric: string; due: DueTime; explanation: ExplanationItem[]; explanationZone?: string; explanationHidden?: number };
  escalated: { ticket: TicketSummary; reason: string; escalatedBy: string; note?: string; responseDue?: DueTime };
  escalation_warning: { ticket: TicketSummary; reason: string; escalatedBy: string; responseDue: DueTime; remainingMs: number; assigneeName?: string };
  escalation_breached: { ticket: TicketSummary; reason: string; escalatedBy: string; responseDue: DueTime; assigneeName?: string };
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** A template: the event's data, in the words of the reader's language. */
export type Template<E extends NotifyEvent> = (data: TemplateData[E], words: Translator) => RenderedMessage;
