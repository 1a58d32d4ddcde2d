import { checkTicket, formatDue, link, para, quote, render, subjectLine, targetBlocks } from './format.js';
import type { Template } from './types.js';

const REPLY_HINT = 'Reply to this email to add a comment to the ticket. Please keep the [#number] in the subject.';

export const ticketCreated: Template<'ticket_created'> = (data) => {
  const ticket = checkTicket(data.ticket);
  const greeting = data.requesterName ? `Hello ${data.requesterName},` : 'Hello,';
  return render(subjectLine(ticket, null), [
    para(greeting),
    para(`We have received your request #${ticket.number} "${ticket.subject}" with priority ${data.priority}.`),
    ...(data.targets.length ? [para('What we have promised:'), ...targetBlocks(data.targets)] : [para('This request carries no response-time guarantee.')]),
    link(ticket.url, `View ticket #${ticket.number}`),
    para(REPLY_HINT),
  ]);
};

export const publicReply: Template<'public_reply'> = (data) => {
  const ticket = checkTicket(data.ticket);
  return render(subjectLine(ticket, null), [
    para(`${data.authorName} replied to ticket #${ticket.number} "${ticket.subject}":`),
    quote(data.body),
    link(ticket.url, `View ticket #${ticket.number}`),
    para(REPLY_HINT),
  ]);
};

export const pendingReminder: Template<'pending_reminder'> = (data) => {
  const ticket = checkTicket(data.ticket);
  return render(subjectLine(ticket, 'Waiting for your reply'), [
    para(`Ticket #${ticket.number} "${ticket.subject}" is waiting for information from you.`),
    para(`If we do not hear from you, it will be solved automatically on ${formatDue(data.autoSolveAt, 'autoSolveAt')}.`),
    link(ticket.url, `View ticket #${ticket.number}`),
    para(REPLY_HINT),
  ]);
};

export const autoSolved: Template<'auto_solved'> = (data) => {
  const ticket = checkTicket(data.ticket);
  return render(subjectLine(ticket, 'Solved'), [
    para(`Ticket #${ticket.number} "${ticket.subject}" was solved automatically after ${data.pendingBusinessDays} business days without a reply.`),
    para('If you still need help, reply to this email and the ticket opens again.'),
    link(ticket.url, `View ticket #${ticket.number}`),
  ]);
};
