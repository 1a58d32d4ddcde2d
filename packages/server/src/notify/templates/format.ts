import { NotifyError } from '../errors.js';
import { anchor, checkedLink, escapeHtml, textToHtml } from '../html.js';
import { formatZonedIn, type Locale, type Translator } from '../../i18n/index.js';
import { explanationLines, isExplanationStep } from '../../sla/explain-text.js';
import type { DueTime, ExplanationItem, RenderedMessage, TargetLine, TicketSummary } from './types.js';

const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A due time as wall time in the reader's zone and words, named by the zone's abbreviation (or GMT
 * offset) and its IANA name, so no reader has to guess which zone a time is in:
 * "Wednesday 2 April 2025, 09:00 MDT (America/Denver)", "Mittwoch, 2. April 2025 um 17:00 MESZ (Europe/Berlin)".
 */
export function formatDue(due: DueTime, field: string, locale: Locale = 'en'): string {
  const at = Date.parse(due.iso);
  if (!OFFSET.test(due.iso) || Number.isNaN(at)) {
    throw new NotifyError('invalid_template_data', `${field}.iso must be an ISO 8601 instant with an offset, such as 2025-04-02T09:00:00-07:00; got ${JSON.stringify(due.iso)}.`);
  }
  try {
    return formatZonedIn(locale, at, due.zone);
  } catch {
    throw new NotifyError('invalid_template_data', `${field}.zone must be an IANA time zone such as America/Los_Angeles; got ${JSON.stringify(due.zone)}.`);
  }
}

/** An instant as wall time in `zone`, with the zone named (see `formatDue`). Throws RangeError for an unknown zone. */
export const formatZoned = (at: number, zone: string, locale: Locale = 'en'): string => formatZonedIn(locale, at, zone);

export function checkTicket(ticket: TicketSummary): TicketSummary {
  if (!Number.isSafeInteger(ticket.number) || ticket.number < 1) {
    throw new NotifyError('invalid_template_data', `ticket.number must be a positive whole number; got ${JSON.stringify(ticket.number)}.`);
  }
  if (typeof ticket.subject !== 'string') {
    throw new NotifyError('invalid_template_data', 'ticket.subject must be text.');
  }
  return { ...ticket, url: checkedLink(ticket.url, 'ticket.url') };
}

/** The subject as it goes on one line (a subject with line breaks would break the header). */
export const oneLine = (subject: string): string => subject.replace(/[\r\n\t]+/g, ' ').trim();

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

/** The metric's name for readers: its kind's name in their language, else its id. */
export const metricName = (words: Translator, metric: string): string =>
  (['acknowledgment', 'first_response', 'next_update', 'resolution'] as const).includes(metric as never) ? words.t(`sla.metric.${metric as 'first_response'}`) : metric;

export function targetBlocks(words: Translator, targets: TargetLine[]): Block[] {
  return targets.flatMap((target, i) => {
    const head = para(words.t('email.target.due', { metric: metricName(words, target.metric), due: formatDue(target.due, `targets[${i}].due`, words.locale) }));
    return target.explanation?.length ? [head, bullets(explanationText(words.locale, target.explanation, target.due.zone, undefined))] : [head];
  });
}

/** The most lines of an explanation an email shows; the rest is one request away. */
export const MAX_EXPLANATION_LINES = 24;

/**
 * An explanation's lines in the reader's language. Steps are phrased here; lines stored as text (by
 * earlier versions) are shown as they are.
 */
export function explanationText(locale: Locale, items: readonly ExplanationItem[], zone: string, more: { url: string; hidden?: number } | undefined): string[] {
  const steps = items.filter(isExplanationStep);
  if (steps.length === 0) return items.filter((item): item is string => typeof item === 'string');
  return explanationLines(locale, steps, zone, { max: MAX_EXPLANATION_LINES, moreUrl: more?.url ?? '', hidden: more?.hidden ?? 0 });
}

/** The message in both forms; the HTML names its language (`lang`), so screen readers speak it right. */
export function render(locale: Locale, subject: string, blocks: Block[]): RenderedMessage {
  return {
    subject,
    text: `${blocks.map((block) => block.text).join('\n\n')}\n`,
    html: [
      '<!doctype html>',
      `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
      '<body style="font-family:sans-serif;line-height:1.4">',
      ...blocks.map((block) => block.html),
      '</body></html>',
    ].join('\n'),
  };
}
