import { AppError } from '../errors.js';

/** A 422 naming the one request field that is wrong (`body.ends_at`, `params.id`, …) and why. */
export const invalid = (path: string, message: string): AppError => new AppError('validation_failed', undefined, [{ path, message }]);
