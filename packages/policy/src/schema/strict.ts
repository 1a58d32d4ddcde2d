import * as z from 'zod';

/**
 * A strict object (unknown keys are errors) whose unknown-key message lists the keys allowed
 * there, so a typo can be fixed without opening the documentation.
 */
export function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `allowed keys here: ${allowed}` : undefined),
  });
}
