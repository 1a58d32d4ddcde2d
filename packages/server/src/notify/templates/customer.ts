import { checkTicket, formatDue, link, oneLine, para, quote, render, targetBlocks } from './format.js';
import type { Template } from './types.js';

export const ticketCreated: Template<'ticket_created'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  // As text: a number argument would be written with the locale's digit grouping (#1,234), breaking the subject tag.
  const number = String(ticket.number);
  return render(locale, t('email.subject.plain', { number, subject: oneLine(ticket.subject) }), [
    para(data.requesterName ? t('email.ticketCreated.greeting', { name: data.requesterName }) : t('email.ticketCreated.greetingNoName')),
    para(t('email.ticketCreated.received', { number, subject: ticket.subject, priority: data.priority })),
    ...(data.targets.length
      ? [para(t('email.ticketCreated.promises')), ...targetBlocks(words, data.targets)]
      : [para(t('email.ticketCreated.noGuarantee'))]),
    link(ticket.url, t('email.common.viewTicket', { number })),
    para(t('email.common.replyHint')),
  ]);
};

export const publicReply: Template<'public_reply'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  const number = String(ticket.number);
  return render(locale, t('email.subject.plain', { number, subject: oneLine(ticket.subject) }), [
    para(t('email.publicReply.intro', { author: data.authorName || t('email.publicReply.support'), number, subject: ticket.subject })),
    quote(data.body),
    link(ticket.url, t('email.common.viewTicket', { number })),
    para(t('email.common.replyHint')),
  ]);
};

export const pendingReminder: Template<'pending_reminder'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  const number = String(ticket.number);
  return render(locale, t('email.pendingReminder.subject', { number, subject: oneLine(ticket.subject) }), [
    para(t('email.pendingReminder.waiting', { number, subject: ticket.subject })),
    para(t('email.pendingReminder.autoSolve', { date: formatDue(data.autoSolveAt, 'autoSolveAt', locale) })),
    link(ticket.url, t('email.common.viewTicket', { number })),
    para(t('email.common.replyHint')),
  ]);
};

export const autoSolved: Template<'auto_solved'> = (data, words) => {
  const { t, locale } = words;
  const ticket = checkTicket(data.ticket);
  const number = String(ticket.number);
  return render(locale, t('email.autoSolved.subject', { number, subject: oneLine(ticket.subject) }), [
    para(t('email.autoSolved.solved', { number, subject: ticket.subject, days: data.pendingBusinessDays })),
    para(t('email.autoSolved.reopen')),
    link(ticket.url, t('email.common.viewTicket', { number })),
  ]);
};
