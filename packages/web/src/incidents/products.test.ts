import { describe, expect, it } from 'vitest';
import { mergeProducts } from './products.js';

describe('the products a component can serve', () => {
  it('are the intake form ids of every pack, once each, with every name the packs give them', () => {
    const merged = mergeProducts([
      { forms: [{ id: 'voice', name: 'Voice' }, { id: 'messaging', name: 'Messaging' }] },
      { forms: [{ id: 'messaging', name: 'WhatsApp messaging' }, { id: 'account', name: 'Account' }] },
      { forms: [] },
    ]);
    expect(merged).toEqual([
      { id: 'account', names: ['Account'] },
      { id: 'messaging', names: ['Messaging', 'WhatsApp messaging'] },
      { id: 'voice', names: ['Voice'] },
    ]);
  });
});
