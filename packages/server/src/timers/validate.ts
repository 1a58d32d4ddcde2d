import { TimerError } from './errors.js';

export function requireText(value: unknown, field: string, max: number, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value.length === 0) || value.length > max) {
    const expected = allowEmpty ? `a string of at most ${max} characters` : `a non-empty string of at most ${max} characters`;
    throw new TimerError('invalid_timer', `Timer ${field} must be ${expected}; got ${JSON.stringify(value)}.`);
  }
  return value;
}

export function requireInstant(value: unknown, field: string): Date {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 8.64e15) {
    throw new TimerError('invalid_timer', `Timer ${field} must be an instant in epoch milliseconds (a finite number); got ${JSON.stringify(value)}.`);
  }
  return new Date(value);
}

export function payloadJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value ?? {});
  } catch (error) {
    throw new TimerError('invalid_timer', `Timer payload must be JSON-serialisable: ${(error as Error).message}.`);
  }
  if (text === undefined) throw new TimerError('invalid_timer', 'Timer payload must be JSON-serialisable (a plain object, array, string, number or boolean).');
  return text;
}

export function requirePositiveInteger(value: unknown, field: string, code: 'invalid_worker' | 'invalid_timer' = 'invalid_worker'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TimerError(code, `${field} must be a positive whole number; got ${JSON.stringify(value)}.`);
  }
  return value;
}
