import { NotifyError } from '../errors.js';
import { anchor, checkedLink, escapeHtml, textToHtml } from '../html.js';
import type { DueTime, RenderedMessage, TargetLine, TicketSummary } from './types.js';

const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * "Wednesday 2 April 2025, 09:00 MDT (America/Denver)": the wall time in the reader's zone, named by its
 * abbreviation (or GMT offset) and its IANA name, so no reader has to guess which zone a time is in.
 */
export function formatDue(due: DueTime, field: string): string {
  const at = Date.parse(due.iso);
  if (!OFFSET.test(due.iso) || Number.isNaN(at)) {
    throw new NotifyError('invalid_template_data', `${field}.iso must be an ISO 8601 instant with an offset, such as 2025-04-02T09:00:00-07:00; got ${JSON.stringify(due.iso)}.`);
  }
  try {
    return formatZoned(at, due.zone);
  } catch {
    throw new NotifyError('invalid_template_data', `${field}.zone must be an IANA time zone such as America/Los_Angeles; got ${JSON.stringify(due.zone)}.`);
  }
}

/** Formatters made once per zone and style (making one is far slower than formatting with it). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (found === undefined) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** An instant as wall time in `zone`, with the zone named: "Wednesday 2 April 2025, 09:00 MDT (America/Denver)". Throws RangeError for an unknown zone. */
export function formatZoned(at: number, zone: string): string {
  const parts = formatter(`wall ${zone}`, () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
  ).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const local = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
  const abbreviation = zoneAbbreviation(at, zone);
  return abbreviation === zone ? `${local} ${zone}` : `${local} ${abbreviation} (${zone})`;
}

/** "MDT", "CET", "GMT+5:30": the short name of `zone` at `at`; a letter abbreviation where English has one. */
function zoneAbbreviation(at: number, zone: string): string {
  const short = (locale: string) =>
    formatter(`short ${locale} ${zone}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }))
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const american = short('en-US');
  if (!american.startsWith('GMT') || american === 'GMT') return american || zone;
  const british = short('en-GB');
  return british && !british.startsWith('GMT') ? british : american;
}

export function checkTicket(ticket: TicketSummary): TicketSummary {
  if (!Number.isSafeInteger(ticket.number) || ticket.number < 1) {
    throw new NotifyError('invalid_template_data', `ticket.number must be a positive whole number; got ${JSON.stringify(ticket.number)}.`);
  }
  if (typeof ticket.subject !== 'string') {
    throw new NotifyError('invalid_template_data', 'ticket.subject must be text.');
  }
  return { ...ticket, url: checkedLink(ticket.url, 'ticket.url') };
}

/** `[#42] Label: subject`, on one line. The `[#42]` tag lets a reply without thread headers find the ticket. */
export function subjectLine(ticket: TicketSummary, label: string | null): string {
  const subject = ticket.subject.replace(/[\r\n\t]+/g, ' ').trim();
  return `[#${ticket.number}] ${label ? `${label}: ` : ''}${subject}`;
}

/** One block of a message, kept in both forms: plain `text` lines and the same content as safe HTML. */
export interface Block {
  text: string;
  html: string;
}

export const para = (text: string): Block => ({ text, html: textToHtml(text) });

export const quote = (text: string): Block => ({
  text: text.replace(/\r\n?/g, '\n').trimEnd(),
  html: `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${textToHtml(text)}</blockquote>`,
});

export const bullets = (items: string[]): Block => ({
  text: items.map((item) => `  - ${item}`).join('\n'),
  html: `<ul>\n${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`,
});

export const link = (url: string, label: string): Block => ({ text: `${label}: ${url}`, html: `<p>${anchor(url, label)}</p>` });

export function targetBlocks(targets: TargetLine[]): Block[] {
  return targets.flatMap((target, i) => {
    const head = para(`${target.metric} due ${formatDue(target.due, `targets[${i}].due`)}`);
    return target.explanation?.length ? [head, bullets(target.explanation)] : [head];
  });
}

export function render(subject: string, blocks: Block[]): RenderedMessage {
  return {
    subject,
    text: `${blocks.map((block) => block.text).join('\n\n')}\n`,
    html: [
      '<!doctype html>',
      '<html><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
      '<body style="font-family:sans-serif;line-height:1.4">',
      ...blocks.map((block) => block.html),
      '</body></html>',
    ].join('\n'),
  };
}
