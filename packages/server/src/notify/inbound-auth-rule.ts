import { getAlignment } from 'mailauth/lib/tools.js';

/** What SPF, DKIM and DMARC said about one message, from mailauth's own checks or from a trusted relay's header. */
export interface MailAuthFacts {
  /** The domain of the single From address the desk acts on. */
  fromDomain: string;
  /** The client the SPF check was made for (the connecting IP, or as the relay reported it). */
  spf: { result: string; domain: string | null; ip: string | null } | null;
  /** One entry per DKIM signature: its result and signing domain (d=). */
  dkim: { result: string; domain: string | null }[];
  /** The DMARC result; null when DMARC was not evaluated (a relay that reports no dmarc=). */
  dmarc: { result: string; domain: string | null; policy: string | null } | null;
}

export interface MailAuthVerdict {
  authenticated: boolean;
  /** Not authenticated because a DNS look-up failed for now (temperror): the sender should try again later. */
  temporary?: boolean;
  /** In words, e.g. "SPF fail for 203.0.113.5 (example.com); no DKIM signature; DMARC fail for example.com (policy reject)". */
  reason: string;
}

/** Whether `domain` is in the same organizational domain as the From domain (relaxed alignment). */
export const aligned = (fromDomain: string, domain: string | null): boolean => domain !== null && getAlignment(fromDomain, [domain]) !== false;

/**
 * The rule for trusting the From address of inbound mail:
 * - the From domain publishes DMARC: the message must pass DMARC (an SPF or DKIM pass aligned with the
 *   From domain, as the record asks); fail, temperror and permerror are not authenticated;
 * - the From domain publishes no DMARC record (dmarc=none), or DMARC was not evaluated: a DKIM signature
 *   that passes with a d= domain in the From address's organizational domain, or an SPF pass for a
 *   MAIL FROM domain in that organizational domain (relaxed alignment, as DMARC defines it).
 * Anything else (including SPF softfail/neutral and unaligned passes) is not authenticated; when a
 * check could not be made for now (temperror), the verdict says `temporary` so the sender retries.
 */
export function judgeMailAuth(facts: MailAuthFacts): MailAuthVerdict {
  const reason = describeFacts(facts);
  const dmarc = facts.dmarc?.result ?? null;
  if (dmarc === 'pass') return { authenticated: true, reason };
  const temporary = [dmarc, facts.spf?.result, ...facts.dkim.map((signature) => signature.result)].includes('temperror');
  if (dmarc !== null && dmarc !== 'none') return { authenticated: false, temporary, reason };
  const dkimAligned = facts.dkim.some((signature) => signature.result === 'pass' && aligned(facts.fromDomain, signature.domain));
  const spfAligned = facts.spf?.result === 'pass' && aligned(facts.fromDomain, facts.spf.domain);
  return dkimAligned || spfAligned ? { authenticated: true, reason } : { authenticated: false, temporary, reason };
}

/** The results in words, for the suspended-mail list and the log. Pure. */
export function describeFacts(facts: MailAuthFacts): string {
  const parts: string[] = [];
  if (facts.spf) {
    const where = [facts.spf.ip ? `for ${facts.spf.ip}` : null, facts.spf.domain ? `(${facts.spf.domain})` : null].filter(Boolean).join(' ');
    const unaligned = facts.spf.result === 'pass' && !aligned(facts.fromDomain, facts.spf.domain) ? `, which is not the From domain ${facts.fromDomain}` : '';
    parts.push(`SPF ${facts.spf.result}${where ? ` ${where}` : ''}${unaligned}`);
  } else {
    parts.push('no SPF result');
  }
  if (facts.dkim.length === 0) parts.push('no DKIM signature');
  for (const signature of facts.dkim) {
    const unaligned = signature.result === 'pass' && !aligned(facts.fromDomain, signature.domain) ? `, which is not the From domain ${facts.fromDomain}` : '';
    parts.push(`DKIM ${signature.result}${signature.domain ? ` for ${signature.domain}` : ''}${unaligned}`);
  }
  if (!facts.dmarc) parts.push('DMARC not checked');
  else if (facts.dmarc.result === 'none') parts.push(`no DMARC record for ${facts.dmarc.domain ?? facts.fromDomain}`);
  else parts.push(`DMARC ${facts.dmarc.result} for ${facts.dmarc.domain ?? facts.fromDomain}${facts.dmarc.policy ? ` (policy ${facts.dmarc.policy})` : ''}`);
  return parts.join('; ');
}
