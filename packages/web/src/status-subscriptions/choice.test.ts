import { describe, expect, it } from 'vitest';
import { byGroup, chosenComponents } from './choice.js';

describe('the subscription form', () => {
  const order = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('sends null for all components, else the ticked ones in the page’s order', () => {
    expect(chosenComponents(true, new Set(['b']), order)).toBeNull();
    expect(chosenComponents(false, new Set(['c', 'a']), order)).toEqual(['a', 'c']);
    expect(chosenComponents(false, new Set(), order)).toEqual([]);
  });
  it('lists components under their groups, in the order they come', () => {
    const list = [
      { id: '1', group: 'APIs' },
      { id: '2', group: null },
      { id: '3', group: 'APIs' },
    ];
    expect(byGroup(list)).toEqual([
      { group: 'APIs', items: [list[0], list[2]] },
      { group: null, items: [list[1]] },
    ]);
  });
});
