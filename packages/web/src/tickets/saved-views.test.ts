import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import { deleteView, loadViews, saveView, storageKey, viewProblem } from './saved-views.js';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('saved queue views', () => {
  it('saves, replaces by name, lists by name and deletes, per person', () => {
    const store = memory();
    expect(saveView(store, 'u1', { name: 'My P1s', query: 'assignee=mine&priority=P1' })).toEqual({ views: [{ name: 'My P1s', query: 'assignee=mine&priority=P1' }], replaced: false });
    saveView(store, 'u1', { name: ' Breached ', query: 'breach=breached' });
    const again = saveView(store, 'u1', { name: 'my p1s', query: 'priority=P1' });
    expect(again.replaced).toBe(true);
    expect(loadViews(store, 'u1')).toEqual([
      { name: 'Breached', query: 'breach=breached' },
      { name: 'my p1s', query: 'priority=P1' },
    ]);
    expect(loadViews(store, 'u2')).toEqual([]);
    expect(deleteView(store, 'u1', 'Breached')).toEqual([{ name: 'my p1s', query: 'priority=P1' }]);
  });

  it('reads a damaged entry as no views', () => {
    expect(loadViews(memory({ [storageKey('u1')]: '{not json' }), 'u1')).toEqual([]);
    expect(loadViews(memory({ [storageKey('u1')]: '{"name":"x"}' }), 'u1')).toEqual([]);
    expect(loadViews(memory({ [storageKey('u1')]: '[{"name":"ok","query":"q=a"},{"name":3},null]' }), 'u1')).toEqual([{ name: 'ok', query: 'q=a' }]);
  });

  it('says why a view cannot be saved', () => {
    expect(viewProblem('  ', 'q=a')).toContain('Give the view a name');
    expect(viewProblem('x'.repeat(61), 'q=a')).toContain('at most 60 characters');
    expect(viewProblem('All', '')).toContain('Set at least one filter first');
    expect(viewProblem('Mine', 'assignee=mine')).toBeNull();
  });

  describe('in another language', () => {
    afterEach(async () => {
      await useLanguage('en');
    });

    it('says why in the language shown', async () => {
      await useLanguage('pt-BR');
      expect(viewProblem('  ', 'q=a')).toBe('Dê um nome à visualização, como “Meus P1”.');
      expect(viewProblem('x'.repeat(61), 'q=a')).toBe('O nome de uma visualização pode ter no máximo 60 caracteres.');
      await useLanguage('de');
      expect(viewProblem('All', '')).toContain('Setzen Sie zuerst mindestens einen Filter');
    });
  });
});
