import { z } from 'zod';
import { AppError } from '../errors.js';

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

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { key: value[0] as string, id: value[1] as string };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not valid; pass the next_cursor of a previous page unchanged.', [
    { path: 'querystring.cursor', message: 'Not a cursor returned by this endpoint.' },
  ]);
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
