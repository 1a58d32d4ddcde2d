import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { MAX_ATTACHMENT_BYTES, type Database } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import type { InboundAttachment } from '../notify/index.js';
import { addAttachment, cleanContentType } from '../tickets/attachments.js';

/** The files of an email split into those to store and, in words, those left out. */
export interface MailAttachments {
  keep: { filename: string; contentType: string; bytes: Buffer }[];
  /** One line per file not stored, saying which and why; added to the text of the ticket or reply. */
  notes: string[];
}

const MIB = 1024 * 1024;

/** A file name as API uploads allow it: no slashes or control characters, at most 255 characters. */
export function cleanFilename(name: string): string {
  const cleaned = name.replace(/[/\\\x00-\x1f\x7f]/g, '_').trim().slice(0, 255);
  return cleaned === '' ? 'attachment' : cleaned;
}

/** Decides which attachments of an email are stored: every file of 1 byte to 10 MiB, as API uploads. Pure. */
function sortMailAttachments(attachments: readonly InboundAttachment[]): MailAttachments {
  const result: MailAttachments = { keep: [], notes: [] };
  for (const attachment of attachments) {
    const filename = cleanFilename(attachment.filename);
    const size = attachment.content.length;
    if (size > MAX_ATTACHMENT_BYTES) {
      result.notes.push(`Not attached: "${filename}" (${(Math.ceil((size / MIB) * 10) / 10).toFixed(1)} MiB) is larger than the ${MAX_ATTACHMENT_BYTES / MIB} MiB limit for attachments; send it as a link.`);
    } else if (size === 0) {
      result.notes.push(`Not attached: "${filename}" is empty.`);
    } else {
      result.keep.push({ filename, contentType: cleanContentType(attachment.contentType), bytes: attachment.content });
    }
  }
  return result;
}

/** The text of the ticket or reply with a line for each file that was not stored. */
function withNotes(text: string, notes: readonly string[]): string {
  return notes.length === 0 ? text : `${text}\n\n${notes.map((note) => `(${note})`).join('\n')}`;
}

/** What an email becomes on the ticket: its text (with a line for each file left out) and the files to store. */
export function mailContent(mail: { text: string; attachments: readonly InboundAttachment[] }): { text: string; files: MailAttachments['keep'] } {
  const sorted = sortMailAttachments(mail.attachments);
  return { text: withNotes(mail.text.trim() || '(The email had no text.)', sorted.notes), files: sorted.keep };
}

/** Stores the kept files on the ticket, tied to the reply they came with (if any), in the caller's transaction. */
export async function storeMailAttachments(
  deps: AppDeps,
  db: Kysely<Database>,
  actor: Actor,
  ticketId: string,
  commentId: string | null,
  files: MailAttachments['keep'],
): Promise<void> {
  for (const file of files) {
    await addAttachment(deps, db, actor, ticketId, { ...file, ...(commentId ? { commentId } : {}) });
  }
}
