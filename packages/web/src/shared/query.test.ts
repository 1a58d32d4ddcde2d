import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { READ_RETRIES, shouldRetry } from './query.js';

describe('retrying a failed read', () => {
  it('tries again when the server cannot be reached or failed', () => {
    expect(shouldRetry(0, new ApiError(0, 'network', 'unreachable'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'server', 'failed'))).toBe(true);
    expect(shouldRetry(0, new ApiError(500, 'server', 'failed'))).toBe(true);
  });

  it('never tries a refusal again', () => {
    for (const status of [400, 401, 403, 404, 408, 409, 422, 429]) expect(shouldRetry(0, new ApiError(status, 'refused', 'no'))).toBe(false);
  });

  it('stops after the last retry, and never retries a fault of the app itself', () => {
    expect(shouldRetry(READ_RETRIES, new ApiError(503, 'server', 'failed'))).toBe(false);
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });
});
