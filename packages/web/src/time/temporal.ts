/**
 * Temporal for the web app: the browser's own where it has one, else the polyfill the engine also
 * uses, downloaded (as its own chunk) only by browsers that need it, before the first render.
 */
import type { Temporal as TemporalApi } from 'temporal-polyfill';

export type { TemporalApi };
type TemporalNamespace = typeof TemporalApi;

let api: TemporalNamespace | null = (globalThis as { Temporal?: TemporalNamespace }).Temporal ?? null;

/** Makes {@link temporal} usable; resolves at once where the browser has Temporal. */
export async function loadTemporal(): Promise<void> {
  if (!api) api = (await import('temporal-polyfill')).Temporal;
}

export function temporal(): TemporalNamespace {
  if (!api) throw new Error('Temporal is not loaded yet: await loadTemporal() before the first render.');
  return api;
}
