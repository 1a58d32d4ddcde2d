import { loadShippedPacks } from '@hourglass/policy';
import type { PolicyCatalog } from './catalog.js';

/** The three example packs that ship with Hourglass (twilio, 360dialog, exotel). */
export async function loadShippedCatalog(): Promise<PolicyCatalog> {
  return loadShippedPacks();
}
