import { describe, expect, it } from 'vitest';
import { wroteNothing } from './new-ticket-write.js';

describe('wroteNothing', () => {
  it('holds only for errors by which the database proves it rolled the write back', () => {
    for (const code of ['23505', '23503', '22P02', '42P01', '54000', '40001', '40P01']) expect(wroteNothing({ code }), code).toBe(true);
    // A connection lost or ended, a server shutting down, "completion unknown", or no code at all: the write may have committed.
    for (const error of [{ code: '57P01' }, { code: '08006' }, { code: '40003' }, { code: 'ECONNRESET' }, new Error('Connection terminated unexpectedly'), null]) {
      expect(wroteNothing(error), JSON.stringify(error)).toBe(false);
    }
  });
});
