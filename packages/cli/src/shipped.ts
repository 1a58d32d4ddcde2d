/** The shipped policy packs, loaded once per process when a command first needs them. */
import { loadShippedPacks, type PolicyRegistry } from '@hourglass/policy';

let loading: Promise<PolicyRegistry> | undefined;

export function shippedRegistry(): Promise<PolicyRegistry> {
  loading ??= loadShippedPacks();
  return loading;
}
