import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go. A webhook URL is chosen by an admin, but requests are made from inside the
 * desk's network, so a URL pointing at the desk itself, the private network or a cloud metadata
 * service would let an admin read internal services through the delivery log (server-side request
 * forgery). Only public unicast addresses are allowed, unless the operator lists a receiver in
 * HOURGLASS_WEBHOOK_ALLOW. The address ranges are those of ipaddr.js, the library that
 * request-filtering-agent checks connections with, so the check on save and the check on connect agree.
 */

/** The setting that lists internal receivers the operator trusts. */
export const WEBHOOK_ALLOW_SETTING = 'HOURGLASS_WEBHOOK_ALLOW';

/** Internal receivers the operator trusts: host names (whatever they resolve to), IP addresses and CIDR ranges. */
export interface WebhookAllowList {
  /** Lower-case host names without a trailing dot. */
  readonly hosts: ReadonlySet<string>;
  /** The IP addresses and CIDR ranges. */
  readonly addresses: BlockList;
  /** The entries as given, for messages. */
  readonly entries: readonly string[];
}

/** Resolves a host name to every address it has (the default is the system resolver, as connections use). */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** What the save-time and delivery-time checks share: the allow-list and, for tests, the resolver. */
export interface WebhookGuard {
  allow: WebhookAllowList;
  resolve?: ResolveHost;
}

export const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A delivery that was not made because its destination is internal; the message says why and what to do. */
export class WebhookDestinationRefused extends Error {
  override readonly name = 'WebhookDestinationRefused';
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Reads the allow-list entries (e.g. the comma-separated HOURGLASS_WEBHOOK_ALLOW); `problems` names every entry that is none of the three kinds. */
export function parseWebhookAllowList(entries: readonly string[]): { allow: WebhookAllowList; problems: string[] } {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  const problems: string[] = [];
  const kept: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [base = '', prefix, extra] = entry.split('/');
    const address = base.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(address);
    if (prefix !== undefined) {
      const bits = Number(prefix);
      if (family === 0 || extra !== undefined || !/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
        problems.push(`"${entry}" is not a CIDR range; write one such as 10.20.0.0/16 or fd00:1234::/48.`);
        continue;
      }
      addresses.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
    } else if (family !== 0) {
      addresses.addAddress(address, family === 4 ? 'ipv4' : 'ipv6');
    } else {
      const host = entry.toLowerCase().replace(/\.$/, '');
      if (!HOST_NAME.test(host)) {
        problems.push(`"${entry}" is not a host name, an IP address or a CIDR range; write entries such as hooks.internal, 10.20.0.5 or 10.20.0.0/16, separated by commas.`);
        continue;
      }
      hosts.add(host);
    }
    kept.push(entry);
  }
  return { allow: { hosts, addresses, entries: kept }, problems };
}

/** An allow-list with no entries: only public addresses. */
export const EMPTY_ALLOW_LIST: WebhookAllowList = parseWebhookAllowList([]).allow;

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private-network address',
  linkLocal: 'a link-local address (this includes cloud metadata services such as 169.254.169.254)',
  uniqueLocal: 'a unique-local (private) IPv6 address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  unspecified: 'the unspecified address, which reaches this machine',
  broadcast: 'the broadcast address',
  ipv4Mapped: 'an IPv4-mapped IPv6 address',
  reserved: 'a reserved address',
};

/** Why an IP address is not a public destination (in words), or null when it is a public unicast address. */
export function internalAddressKind(address: string): string | null {
  let range: string;
  try {
    range = ipaddr.parse(address).range();
  } catch {
    return 'not an address that can be checked';
  }
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

/** The URL's host without the brackets of an IPv6 literal, lower-case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase().replace(/\.$/, '');
}

export function isAllowedHost(allow: WebhookAllowList, host: string): boolean {
  return allow.hosts.has(host);
}

export function isAllowedAddress(allow: WebhookAllowList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && allow.addresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const ALLOW_HINT = `To deliver to a receiver inside your own network, the operator lists it in ${WEBHOOK_ALLOW_SETTING} (comma-separated host names, IP addresses or CIDR ranges) and restarts Hourglass.`;

/** Why `address` (which `host` resolved to) may not be reached, or null when it may. */
export function addressRefusal(allow: WebhookAllowList, host: string, address: string): string | null {
  if (isAllowedAddress(allow, address)) return null;
  const kind = internalAddressKind(address);
  if (kind === null) return null;
  const subject = host === address ? address : `${host} resolves to ${address}, which`;
  return `${subject} is ${kind}; webhooks are only sent to public addresses. ${ALLOW_HINT}`;
}

/**
 * The check when a webhook URL is saved: null when its host is public (or allowed), otherwise what is
 * wrong and what to do. A host name is resolved now; one that does not resolve yet is accepted, since
 * every delivery checks the address it connects to again.
 */
export async function checkWebhookDestination(urlText: string, guard: WebhookGuard): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return null; // the URL's form is checked elsewhere
  }
  const host = hostOf(url);
  if (isAllowedHost(guard.allow, host)) return null;
  if (isIP(host) !== 0) return refusalForSave(addressRefusal(guard.allow, host, host));
  const addresses = await resolveQuietly(guard, host);
  for (const { address } of addresses) {
    const refusal = addressRefusal(guard.allow, host, address);
    if (refusal) return refusalForSave(refusal);
  }
  if (addresses.length === 0 && (host === 'localhost' || host.endsWith('.localhost'))) {
    return refusalForSave(`${host} is this machine; webhooks are only sent to public addresses. ${ALLOW_HINT}`);
  }
  return null;
}

const refusalForSave = (refusal: string | null): string | null => (refusal === null ? null : `Must be a public address: ${refusal}`);

/** How long saving waits for a host name to resolve before leaving the check to delivery time. */
const SAVE_LOOKUP_MS = 3_000;

async function resolveQuietly(guard: WebhookGuard, host: string): Promise<{ address: string; family: number }[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never[]>((resolve) => (timer = setTimeout(() => resolve([]), SAVE_LOOKUP_MS)));
  try {
    return await Promise.race([(guard.resolve ?? systemResolve)(host), timeout]);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}
