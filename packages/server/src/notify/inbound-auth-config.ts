import { BlockList, isIP } from 'node:net';

/**
 * How inbound mail is authenticated (HOURGLASS_MAIL_AUTH):
 * - `verify` (default): the desk checks SPF (for the connecting client and the MAIL FROM/HELO), DKIM and
 *   DMARC itself, with DNS.
 * - `relay`: a relay in front of the desk already checked; its Authentication-Results header (the one
 *   with `authservId`) is trusted only when the SMTP client is one of `relays`.
 * There is no "off": mail that cannot be verified goes to the suspended-mail list instead.
 */
export type InboundAuthConfig = { mode: 'verify' } | { mode: 'relay'; relays: string[]; authservId: string };

export const MAIL_AUTH_MODES = ['verify', 'relay'] as const;

/** `203.0.113.5` or `10.0.0.0/8` or `2001:db8::/32`: an address and prefix length, or a reason it is not one. */
export function parseRelayEntry(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | { error: string } {
  const [address = '', prefixText, ...rest] = entry.trim().split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return { error: `"${entry}" is not an IP address or CIDR range such as 203.0.113.5 or 10.0.0.0/8` };
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (!(prefix >= 0 && prefix <= max)) return { error: `"${entry}" has a prefix length that is not 0-${max}` };
  return { address, prefix, family };
}

/** The relays as a set to test client addresses against. Entries must have passed `parseRelayEntry`. */
export function relayBlockList(relays: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of relays) {
    const parsed = parseRelayEntry(entry);
    if ('error' in parsed) throw new Error(`Invalid mail relay: ${parsed.error}.`);
    list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return list;
}

/** Whether `address` (as the socket reports it; IPv4-mapped IPv6 is read as IPv4) is in the list. */
export function isRelay(list: BlockList, address: string): boolean {
  const plain = plainAddress(address);
  const version = isIP(plain);
  return version !== 0 && list.check(plain, version === 4 ? 'ipv4' : 'ipv6');
}

/** `::ffff:192.0.2.1` → `192.0.2.1`; other addresses unchanged. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** Reads HOURGLASS_MAIL_AUTH, HOURGLASS_MAIL_RELAYS and HOURGLASS_MAIL_AUTHSERV_ID, adding a line to `problems` for each bad value. */
export function parseInboundAuthConfig(env: NodeJS.ProcessEnv, problems: string[]): InboundAuthConfig {
  const raw = env.HOURGLASS_MAIL_AUTH?.trim().toLowerCase() || 'verify';
  const relaysText = env.HOURGLASS_MAIL_RELAYS?.trim() ?? '';
  const authservId = env.HOURGLASS_MAIL_AUTHSERV_ID?.trim() ?? '';
  if (raw === 'verify') {
    if (relaysText || authservId) {
      problems.push('HOURGLASS_MAIL_RELAYS and HOURGLASS_MAIL_AUTHSERV_ID are only used with HOURGLASS_MAIL_AUTH=relay; set that too, or remove them.');
    }
    return { mode: 'verify' };
  }
  if (raw !== 'relay') {
    problems.push(
      `HOURGLASS_MAIL_AUTH "${env.HOURGLASS_MAIL_AUTH}" is not a mode; use "verify" (check SPF, DKIM and DMARC here) or "relay" (trust the Authentication-Results of the relays in HOURGLASS_MAIL_RELAYS). There is no "off": mail that cannot be verified waits in the suspended-mail list.`,
    );
    return { mode: 'verify' };
  }
  const relays = relaysText.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (relays.length === 0) {
    problems.push('HOURGLASS_MAIL_RELAYS must list the IP addresses or CIDR ranges of the relays in front of the desk (e.g. 10.0.0.25,2001:db8::/64) when HOURGLASS_MAIL_AUTH=relay.');
  }
  for (const entry of relays) {
    const parsed = parseRelayEntry(entry);
    if ('error' in parsed) problems.push(`HOURGLASS_MAIL_RELAYS: ${parsed.error}; list IP addresses or CIDR ranges separated by commas.`);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/.test(authservId)) {
    problems.push(
      `HOURGLASS_MAIL_AUTHSERV_ID ${authservId ? `"${authservId}" is not an authserv-id` : 'is required when HOURGLASS_MAIL_AUTH=relay'}: give the name your relay writes first in its Authentication-Results headers, such as mx.example.com.`,
    );
  }
  return { mode: 'relay', relays, authservId: authservId.toLowerCase() };
}
