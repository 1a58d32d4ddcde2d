/**
 * The new part of an email reply: everything from an attribution line ("On … wrote:"), an Outlook
 * "Original Message" separator or a forwarded header block onwards is dropped, and so are lines quoted with ">".
 */
const ATTRIBUTION_END = /wrote:\s*$/i;
const ATTRIBUTION_START = /^\s*On\s.+/i;
const SEPARATORS = [/^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i, /^\s*_{10,}\s*$/, /^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$/i];

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (SEPARATORS.some((pattern) => pattern.test(line))) break;
    if (ATTRIBUTION_START.test(line) && attributionEndsWithin(lines, i)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n').replace(/\s+$/, '').replace(/^\s*\n/, '');
}

/** "On Mon, 2 Mar 2026 at 09:00, Ada <ada@example.com> wrote:" may be wrapped over up to three lines. */
function attributionEndsWithin(lines: string[], start: number): boolean {
  for (let j = start; j < Math.min(lines.length, start + 3); j++) {
    const line = lines[j] ?? '';
    if (ATTRIBUTION_END.test(line)) return true;
    if (j > start && line.trim() === '') return false;
  }
  return false;
}
