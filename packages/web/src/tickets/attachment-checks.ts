/** What the web app checks about a file before it is uploaded. */
import { activeIntl } from '../i18n/active.js';

/** The most the service accepts for one file (10 MiB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** `532 B`, `14.2 KiB`, `10.0 MiB`, with the number written as the language shown writes it (`14,2 KiB`). */
export function formatSize(bytes: number): string {
  const intl = activeIntl();
  if (bytes < 1024) return intl.formatMessage({ id: 'tickets.attachments.sizeBytes' }, { size: intl.formatNumber(bytes) });
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (bytes < 1024 * 1024) return intl.formatMessage({ id: 'tickets.attachments.sizeKib' }, { size: intl.formatNumber(bytes / 1024, oneDecimal) });
  return intl.formatMessage({ id: 'tickets.attachments.sizeMib' }, { size: intl.formatNumber(bytes / (1024 * 1024), oneDecimal) });
}

/** Why a chosen file cannot be attached, in plain words; null when it can. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  const intl = activeIntl();
  if (file.size === 0) return intl.formatMessage({ id: 'tickets.attachments.emptyFile' }, { name: file.name });
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return intl.formatMessage({ id: 'tickets.attachments.tooLarge' }, { name: file.name, size: formatSize(file.size), limit: formatSize(MAX_ATTACHMENT_BYTES) });
  }
  return null;
}
