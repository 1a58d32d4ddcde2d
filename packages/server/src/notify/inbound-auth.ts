import type { BlockList } from 'node:net';
import { authenticate, type DNSResolver } from 'mailauth';
import headerParser, { type ParsedAuthResults, type ParsedHeaderPart } from 'mailauth/lib/parse-dkim-headers.js';
import type { ParsedMail } from 'mailparser';
import { describeError } from './errors.js';
import { isRelay, plainAddress, relayBlockList, type InboundAuthConfig } from './inbound-auth-config.js';
import { aligned, describeFacts, judgeMailAuth, type MailAuthFacts, type MailAuthVerdict } from './inbound-auth-rule.js';

export type { MailAuthVerdict } from './inbound-auth-rule.js';
export type DnsResolver = DNSResolver;

/** How to authenticate inbound mail: the configured mode, and (for tests) the DNS resolver mailauth uses. */
export type InboundAuthSettings = InboundAuthConfig & {
  /** Answers DNS questions `(name, 'TXT' | 'A' | …)` like `dns.promises.resolve`; the default resolver otherwise. */
  resolver?: DnsResolver;
  /** Our name in the results, e.g. the support address's domain. */
  mta?: string;
};

/** One received message as the SMTP session saw it. */
export interface InboundAuthInput {
  raw: Buffer;
  parsed: ParsedMail;
  remoteAddress: string;
  helo: string;
  envelopeFrom: string | null;
  /** The From address the desk would act on (lower case). */
  fromAddress: string;
}

/** Checks inbound mail as `settings` say; resolves to a verdict, never throws for the message's sake. */
export type InboundAuthenticator = (input: InboundAuthInput) => Promise<MailAuthVerdict>;

export function createInboundAuthenticator(settings: InboundAuthSettings): InboundAuthenticator {
  if (settings.mode === 'relay') {
    const relays = relayBlockList(settings.relays);
    return async (input) => singleFromProblem(input) ?? readRelayResults(input, relays, settings.authservId);
  }
  return async (input) => singleFromProblem(input) ?? verifyHere(input, settings);
}

const domainOf = (value: string | undefined): string | null => {
  const domain = value?.split('@').pop()?.trim().toLowerCase();
  return domain ? domain : null;
};

/** Authentication speaks for one From address; a message with several (or several From headers) is not verified. */
function singleFromProblem(input: InboundAuthInput): MailAuthVerdict | null {
  const fromHeaders = input.parsed.headerLines.filter((line) => line.key === 'from').length;
  const addresses = input.parsed.from?.value.filter((entry) => entry.address) ?? [];
  if (fromHeaders === 1 && addresses.length === 1 && addresses[0]!.address!.toLowerCase() === input.fromAddress) return null;
  return { authenticated: false, reason: `The message has ${fromHeaders === 1 ? 'more than one From address' : `${fromHeaders} From headers`}, so its sender cannot be verified.` };
}

async function verifyHere(input: InboundAuthInput, settings: InboundAuthSettings): Promise<MailAuthVerdict> {
  const ip = plainAddress(input.remoteAddress);
  try {
    const result = await authenticate(input.raw, {
      ip,
      ...(input.helo ? { helo: input.helo } : {}),
      sender: input.envelopeFrom ?? '',
      mta: settings.mta ?? 'hourglass',
      ...(settings.resolver ? { resolver: settings.resolver } : {}),
      disableArc: true,
      disableBimi: true,
    });
    const headerFrom = result.dkim.headerFrom.map((address) => address.toLowerCase());
    if (headerFrom.length !== 1 || headerFrom[0] !== input.fromAddress) {
      return { authenticated: false, reason: 'The From header could not be read the same way twice, so its sender cannot be verified.' };
    }
    // A signature with l= that covers only part of the body lets anyone append text below the signed
    // part; it does not vouch for the message (and so cannot be what makes DMARC pass).
    const partial = (r: { status: { result: string; underSized?: unknown } }) => r.status.result === 'pass' && Number(r.status.underSized ?? 0) > 0;
    const dkim = result.dkim.results.filter((r) => r.signingDomain).map((r) => ({ result: partial(r) ? 'partial (l= leaves part of the body unsigned)' : r.status.result, domain: r.signingDomain.toLowerCase() }));
    const checked = result.dmarc || null;
    const dmarc = checked ? { result: checked.status.result as string, domain: checked.domain || null, policy: checked.policy ?? null } : null;
    if (dmarc?.result === 'pass' && !checked?.alignment?.spf?.result && Number(checked?.alignment?.dkim?.underSized ?? 0) > 0) dmarc.result = 'fail';
    const facts: MailAuthFacts = {
      fromDomain: domainOf(input.fromAddress) ?? '',
      spf: result.spf ? { result: result.spf.status.result, domain: result.spf.domain || null, ip } : null,
      dkim,
      dmarc,
    };
    return judgeMailAuth(facts);
  } catch (error) {
    return { authenticated: false, reason: `SPF, DKIM and DMARC could not be checked: ${describeError(error)}` };
  }
}

const one = (value: ParsedAuthResults[string]): ParsedHeaderPart | undefined => (Array.isArray(value) ? value[0] : typeof value === 'object' ? value : undefined);
const sub = (part: ParsedHeaderPart | undefined, ptype: string, property: string): string | undefined => {
  const group = part?.[ptype];
  return typeof group === 'object' ? group[property] : undefined;
};

/**
 * Relay mode: the Authentication-Results header (RFC 8601) that the trusted relay added, found by its
 * authserv-id. From any other client, or without such a header, the message is not authenticated. The
 * relay must remove headers carrying its own authserv-id from incoming mail (RFC 8601 section 5); of
 * several, the topmost (the last one added, by the relay nearest to us) counts.
 */
function readRelayResults(input: InboundAuthInput, relays: BlockList, authservId: string): MailAuthVerdict {
  const client = plainAddress(input.remoteAddress);
  if (!isRelay(relays, client)) {
    return { authenticated: false, reason: `Sent by ${client}, which is not a configured mail relay (HOURGLASS_MAIL_RELAYS), so its Authentication-Results headers were ignored.` };
  }
  const results = input.parsed.headerLines
    .filter((line) => line.key === 'authentication-results')
    .map((line) => headerParser(line.line).parsed)
    .find((parsed) => parsed.value?.toLowerCase() === authservId);
  if (!results) {
    return { authenticated: false, reason: `The relay ${client} added no Authentication-Results header for ${authservId} (HOURGLASS_MAIL_AUTHSERV_ID).` };
  }
  const fromDomain = domainOf(input.fromAddress) ?? '';
  const spf = one(results.spf);
  const dmarc = one(results.dmarc);
  const facts: MailAuthFacts = {
    fromDomain,
    spf: spf ? { result: spf.value.toLowerCase(), domain: domainOf(sub(spf, 'smtp', 'mailfrom') ?? sub(spf, 'smtp', 'helo')), ip: null } : null,
    dkim: (results.dkim ?? []).filter((part) => part.value.toLowerCase() !== 'none').map((part) => ({ result: part.value.toLowerCase(), domain: domainOf(sub(part, 'header', 'd') ?? sub(part, 'header', 'i')) })),
    dmarc: dmarc
      ? { result: dmarc.value.toLowerCase(), domain: domainOf(sub(dmarc, 'header', 'from')), policy: /\bp=(\w+)/i.exec(dmarc.comment ?? '')?.[1]?.toLowerCase() ?? sub(dmarc, 'policy', 'published-domain-policy') ?? null }
      : null,
  };
  const prefix = `As checked by ${authservId}: `;
  if (facts.dmarc?.domain && !aligned(fromDomain, facts.dmarc.domain)) {
    return { authenticated: false, reason: `${prefix}DMARC was checked for ${facts.dmarc.domain}, not for the From domain ${fromDomain}; ${describeFacts(facts)}` };
  }
  const verdict = judgeMailAuth(facts);
  return { authenticated: verdict.authenticated, reason: prefix + verdict.reason };
}
