import { NotifyError } from './errors.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Plain text as HTML paragraphs: blank lines split paragraphs, single newlines become `<br>`. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * A link target checked to be an absolute http(s) URL, so a template never emits `javascript:` or a
 * relative link. `field` names the data field in the error message.
 */
export function checkedLink(url: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NotifyError('invalid_template_data', `${field} must be an absolute http(s) URL such as https://desk.example.com/tickets/42; got ${JSON.stringify(url)}.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new NotifyError('invalid_template_data', `${field} must use http or https; got ${JSON.stringify(parsed.protocol)}.`);
  }
  return parsed.href;
}

/** An HTML anchor with escaped target and label. */
export function anchor(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}
