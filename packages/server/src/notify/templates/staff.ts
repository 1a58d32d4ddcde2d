import { NotifyError } from '../errors.js';
import { formatDurationIn, type Translator } from '../../i18n/index.js';
import { bullets, checkTicket, explanationText, formatDue, link, metricName, oneLine, para, quote, render, targetBlocks } from './format.js';
import type { ExplanationItem, Template, TicketSummary } from './types.js';

/** The ticket's number as text (a number argument would get the locale's digit grouping) and its subject on one line. */
const subjectValues = (ticket: TicketSummary) => ({ number: String(ticket.number), subject: oneLine(ticket.subject) });

export const assigned: Template<'assigned'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  const number = String(ticket.number);
  return render(locale, t('email.assigned.subject', subjectValues(ticket)), [
    para(t('email.assigned.body', { assignee: data.assigneeName, number, subject: ticket.subject, priority: data.priority })),
    ...(data.reason ? [para(t('email.assigned.why', { reason: data.reason }))] : []),
    ...targetBlocks(words, data.targets),
    link(ticket.url, t('email.common.openTicket', { number })),
  ]);
};

function checkRemaining(remainingMs: number): void {
  if (!Number.isFinite(remainingMs) || remainingMs < 0) {
    throw new NotifyError('invalid_template_data', `remainingMs must be zero or more milliseconds of business time; got ${JSON.stringify(remainingMs)}.`);
  }
}

/** The engine's account of a due time; its times are those of the business hours, so their zone is named. */
function explanationBlocks(words: Translator, explanation: ExplanationItem[], zone: string | undefined, ticketId: string, metric: string, hidden: number | undefined) {
  if (!explanation.length) return [];
  const url = `/api/v1/tickets/${ticketId}/targets/${metric}/explain`;
  const lines = explanationText(words.locale, explanation, zone ?? 'UTC', { url, hidden: hidden ?? 0 });
  return [para(zone ? words.t('email.explanation.headingInZone', { zone }) : words.t('email.explanation.heading')), bullets(lines)];
}

export const breachWarning: Template<'breach_warning'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  checkRemaining(data.remainingMs);
  const metric = metricName(words, data.metric);
  const number = String(ticket.number);
  return render(locale, t('email.breachWarning.subject', { ...subjectValues(ticket), metric }), [
    para(t('email.breachWarning.due', { metric, number, subject: ticket.subject, due: formatDue(data.due, 'due', locale) })),
    para(t('email.common.timeLeft', { duration: formatDurationIn(locale, data.remainingMs) })),
    ...explanationBlocks(words, data.explanation, data.explanationZone, ticket.id, data.metric, data.explanationHidden),
    link(ticket.url, t('email.common.openTicket', { number })),
  ]);
};

export const breached: Template<'breached'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  const metric = metricName(words, data.metric);
  const number = String(ticket.number);
  return render(locale, t('email.breached.subject', { ...subjectValues(ticket), metric }), [
    para(t('email.breached.body', { metric, number, subject: ticket.subject, due: formatDue(data.due, 'due', locale) })),
    ...explanationBlocks(words, data.explanation, data.explanationZone, ticket.id, data.metric, data.explanationHidden),
    link(ticket.url, t('email.common.openTicket', { number })),
  ]);
};

export const escalated: Template<'escalated'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  const number = String(ticket.number);
  return render(locale, t('email.escalated.subject', subjectValues(ticket)), [
    para(t('email.escalated.body', { escalatedBy: data.escalatedBy, number, subject: ticket.subject })),
    para(t('email.escalation.reason', { reason: data.reason })),
    ...(data.note ? [quote(data.note)] : []),
    ...(data.responseDue ? [para(t('email.escalated.responseDue', { due: formatDue(data.responseDue, 'responseDue', locale) }))] : []),
    link(ticket.url, t('email.common.openTicket', { number })),
  ]);
};

export const escalationWarning: Template<'escalation_warning'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  checkRemaining(data.remainingMs);
  const number = String(ticket.number);
  return render(locale, t('email.escalationWarning.subject', subjectValues(ticket)), [
    para(t('email.escalationWarning.body', { number, subject: ticket.subject, escalatedBy: data.escalatedBy, due: formatDue(data.responseDue, 'responseDue', locale) })),
    para(t('email.common.timeLeft', { duration: formatDurationIn(locale, data.remainingMs) })),
    para(t('email.escalation.reason', { reason: data.reason })),
    para(data.assigneeName ? t('email.escalation.assignedTo', { name: data.assigneeName }) : t('email.escalation.unassigned')),
    link(ticket.url, t('email.common.openTicket', { number })),
  ]);
};

export const escalationBreached: Template<'escalation_breached'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  const number = String(ticket.number);
  return render(locale, t('email.escalationBreached.subject', subjectValues(ticket)), [
    para(t('email.escalationBreached.body', { number, subject: ticket.subject, escalatedBy: data.escalatedBy, due: formatDue(data.responseDue, 'responseDue', locale) })),
    para(t('email.escalation.reason', { reason: data.reason })),
    para(data.assigneeName ? t('email.escalation.assignedTo', { name: data.assigneeName }) : t('email.escalation.unassigned')),
    link(ticket.url, t('email.common.openTicket', { number })),
  ]);
};
