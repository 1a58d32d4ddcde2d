/**
 * A locale's catalog comes in two parts, so the customer portal downloads only what it shows:
 * `common` (the portal, the shell, sign-in, tickets, shared pieces) with the first page, and `staff`
 * (the folders only the console and admin pages use) when a staff area opens.
 */
export const MESSAGE_PARTS = ['common', 'staff'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

/** The feature folders of `src/` whose texts only staff pages show. */
export const STAFF_FOLDERS: readonly string[] = ['accounts', 'people', 'policy', 'webhooks', 'mail-review'];

/** The part of a catalog file or source file, by its path under `src/` (`people/messages/de.json`). */
export function partOf(pathUnderSrc: string): MessagePart {
  const folder = pathUnderSrc.split(/[\\/]/)[0] ?? '';
  return STAFF_FOLDERS.includes(folder) ? 'staff' : 'common';
}
