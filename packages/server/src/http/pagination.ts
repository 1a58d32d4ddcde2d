import { z } from 'zod';
import { AppError, type LocalizedText, textIn } from '../errors.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';

/** Every list endpoint pages the same way: `?limit=&cursor=`, answering `{ items, next_cursor }`. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many items to return (1–200, default 50).'),
  cursor: z.string().min(1).max(200).optional().describe('The `next_cursor` of the previous page.'),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    next_cursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  });

/** A position in a list ordered by (sort key, id). */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with a cursor that this endpoint did not hand out. */
type CursorFault = 'undecodable' | 'notPair' | 'badCharacter' | 'badId' | 'notInstant';

/** The error of a cursor that this endpoint did not hand out, with what is wrong with it. */
function invalidCursor(fault: CursorFault): AppError {
  const text: LocalizedText = { id: 'error.cursor.notIssued', values: { fault } };
  return AppError.translated('validation_failed', { id: 'error.cursor.invalid' }, [{ path: 'querystring.cursor', message: textIn(text, DEFAULT_LOCALE), text }]);
}

/** The two parts of a cursor, unchecked. */
function readCursor(text: string): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('undecodable');
  }
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'string')) throw invalidCursor('notPair');
  const key = value[0] as string;
  if (key.includes('\u0000') || LONE_SURROGATE.test(key)) throw invalidCursor('badCharacter');
  return { key, id: value[1] as string };
}

function checkedId(id: string): string {
  if (!UUID.test(id)) throw invalidCursor('badId');
  return id;
}

/** A cursor as `encodeCursor` wrote it, of a list sorted by text: a sort key and the id (a UUID) of the last item of a page. */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  const cursor = readCursor(text);
  return { key: cursor.key, id: checkedId(cursor.id) };
}

/**
 * A cursor of a list sorted by an instant: its key must be an instant as `toISOString` writes it,
 * or `nullKey` (where items without the instant sort last).
 */
export function decodeInstantCursor(text: string | undefined, nullKey?: string): { key: Date | null; id: string } | undefined {
  if (text === undefined) return undefined;
  const cursor = readCursor(text);
  if (nullKey !== undefined && cursor.key === nullKey) return { key: null, id: checkedId(cursor.id) };
  // Exactly as `toISOString` writes an instant of the years 0000 to 9999 (what the database stores).
  const key = new Date(cursor.key);
  if (!ISO_INSTANT.test(cursor.key) || Number.isNaN(key.getTime()) || key.toISOString() !== cursor.key) throw invalidCursor('notInstant');
  return { key, id: checkedId(cursor.id) };
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toPage<R, T>(rows: R[], limit: number, cursorOf: (row: R) => Cursor, present: (row: R) => T) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(present),
    next_cursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
