import { describe, expect, it } from 'vitest';
import { TimerError } from './errors.js';
import { TimerHandlerRegistry } from './registry.js';

describe('TimerHandlerRegistry', () => {
  const handler = async () => {};

  it('keeps each kind with its handler, in the order registered', () => {
    const registry = new TimerHandlerRegistry().register('breach', handler).register('email', { lease: true, run: handler });
    expect(registry.kinds).toEqual(['breach', 'email']);
    expect(Object.keys(registry.handlers())).toEqual(['breach', 'email']);
    expect(registry.handlers().breach).toBe(handler);
  });

  it('refuses a second handler for a kind, naming the kind', () => {
    const registry = new TimerHandlerRegistry().register('breach', handler);
    expect(() => registry.register('breach', async () => {})).toThrow(TimerError);
    expect(() => registry.register('breach', async () => {})).toThrow(/"breach" already has a handler/);
  });

  it('refuses a kind without a name', () => {
    expect(() => new TimerHandlerRegistry().register('', handler)).toThrow(/needs a name/);
  });
});
