import { formatDuration } from '@hourglass/engine';
import { NotifyError } from '../errors.js';
import { bullets, checkTicket, formatDue, link, para, quote, render, subjectLine, targetBlocks } from './format.js';
import type { Template } from './types.js';

export const assigned: Template<'assigned'> = (data) => {
  const ticket = checkTicket(data.ticket);
  return render(subjectLine(ticket, 'Assigned to you'), [
    para(`${data.assigneeName}, ticket #${ticket.number} "${ticket.subject}" (${data.priority}) is now yours.`),
    ...(data.reason ? [para(`Why: ${data.reason}`)] : []),
    ...targetBlocks(data.targets),
    link(ticket.url, `Open ticket #${ticket.number}`),
  ]);
};

function checkRemaining(remainingMs: number): void {
  if (!Number.isFinite(remainingMs) || remainingMs < 0) {
    throw new NotifyError('invalid_template_data', `remainingMs must be zero or more milliseconds of business time; got ${JSON.stringify(remainingMs)}.`);
  }
}

/** The engine's account of a due time; its times are those of the business hours, so their zone is named. */
function explanationBlocks(explanation: string[], zone: string | undefined) {
  if (!explanation.length) return [];
  return [para(zone ? `How the due time was reached (business hours in ${zone}; times carry their UTC offset):` : 'How the due time was reached (times carry their UTC offset):'), bullets(explanation)];
}

export const breachWarning: Template<'breach_warning'> = (data) => {
  const ticket = checkTicket(data.ticket);
  checkRemaining(data.remainingMs);
  return render(subjectLine(ticket, `Breach warning (${data.metric})`), [
    para(`The ${data.metric} target of ticket #${ticket.number} "${ticket.subject}" is due ${formatDue(data.due, 'due')}.`),
    para(`${formatDuration(data.remainingMs)} of business time is left.`),
    ...explanationBlocks(data.explanation, data.explanationZone),
    link(ticket.url, `Open ticket #${ticket.number}`),
  ]);
};

export const breached: Template<'breached'> = (data) => {
  const ticket = checkTicket(data.ticket);
  return render(subjectLine(ticket, `Breached (${data.metric})`), [
    para(`The ${data.metric} target of ticket #${ticket.number} "${ticket.subject}" was breached; it was due ${formatDue(data.due, 'due')}.`),
    ...explanationBlocks(data.explanation, data.explanationZone),
    link(ticket.url, `Open ticket #${ticket.number}`),
  ]);
};

export const escalated: Template<'escalated'> = (data) => {
  const ticket = checkTicket(data.ticket);
  return render(subjectLine(ticket, 'Escalated'), [
    para(`${data.escalatedBy} escalated ticket #${ticket.number} "${ticket.subject}".`),
    para(`Reason: ${data.reason}`),
    ...(data.note ? [quote(data.note)] : []),
    ...(data.responseDue ? [para(`Escalation response due ${formatDue(data.responseDue, 'responseDue')}.`)] : []),
    link(ticket.url, `Open ticket #${ticket.number}`),
  ]);
};

export const escalationWarning: Template<'escalation_warning'> = (data) => {
  const ticket = checkTicket(data.ticket);
  checkRemaining(data.remainingMs);
  return render(subjectLine(ticket, 'Escalation response due soon'), [
    para(`The escalation of ticket #${ticket.number} "${ticket.subject}" by ${data.escalatedBy} has not been answered yet; its response is due ${formatDue(data.responseDue, 'responseDue')}.`),
    para(`${formatDuration(data.remainingMs)} of business time is left.`),
    para(`Reason: ${data.reason}`),
    para(data.assigneeName ? `Assigned to ${data.assigneeName}.` : 'Nobody is assigned to the ticket.'),
    link(ticket.url, `Open ticket #${ticket.number}`),
  ]);
};

export const escalationBreached: Template<'escalation_breached'> = (data) => {
  const ticket = checkTicket(data.ticket);
  return render(subjectLine(ticket, 'Escalation not answered in time'), [
    para(`The escalation of ticket #${ticket.number} "${ticket.subject}" by ${data.escalatedBy} was not answered in time; its response was due ${formatDue(data.responseDue, 'responseDue')}.`),
    para(`Reason: ${data.reason}`),
    para(data.assigneeName ? `Assigned to ${data.assigneeName}.` : 'Nobody is assigned to the ticket.'),
    link(ticket.url, `Open ticket #${ticket.number}`),
  ]);
};
