/**
 * Checks one answer line of `hourglass sla deadlines` against the due time worked out by direct
 * engine calls (and SPEC.md's targets) for the same question.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * @param {object} input
 * @param {number} input.id the line's id
 * @param {string | null} input.text the answer line
 * @param {{ expectedDue(id: number, schedule): number | null }} input.batchLines
 * @param {import('@hourglass/engine').Schedule} input.businessHours
 * @returns {string | null} what is wrong, or null when the answer is right
 */
export function checkAnswer({ id, text, batchLines, businessHours }) {
  if (typeof text !== 'string') return `no answer (got ${String(text)})`;
  let output;
  try {
    output = JSON.parse(text);
  } catch {
    return 'the answer is not JSON';
  }
  if (output === null || typeof output !== 'object') return 'the answer is not a JSON object';
  if (output.id !== id) return `id ${JSON.stringify(output.id)} instead of ${id}`;
  if (output.error !== undefined) return `error: ${output.error}`;
  const expected = batchLines.expectedDue(id, businessHours);
  if (expected === null) return output.due === null ? null : `due ${JSON.stringify(output.due)} where the plan has no target`;
  if (typeof output.due !== 'string' || !ISO_WITH_OFFSET.test(output.due)) return `due ${JSON.stringify(output.due)} is not ISO 8601 with an offset`;
  const got = Date.parse(output.due);
  return got === expected ? null : `due ${output.due} is not the expected instant ${new Date(expected).toISOString()}`;
}
