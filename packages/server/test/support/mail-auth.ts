import { generateKeyPairSync } from 'node:crypto';
import type { DnsResolver } from '../../src/notify/inbound-auth.js';

/**
 * DNS for inbound mail authentication without a network: TXT records for SPF (`<domain>`), DMARC
 * (`_dmarc.<domain>`) and DKIM keys (`<selector>._domainkey.<domain>`). Every other question is
 * answered "no such name", as a real resolver does for a name without records.
 */
export class FakeDns {
  private readonly txt = new Map<string, string[]>();
  /** Every name asked for, to prove the checks really ran. */
  readonly asked: string[] = [];

  readonly resolver: DnsResolver = async (name: string, rrtype: string) => {
    const key = name.toLowerCase().replace(/\.$/, '');
    this.asked.push(`${rrtype} ${key}`);
    if ([...this.down].some((domain) => key === domain || key.endsWith(`.${domain}`))) {
      throw Object.assign(new Error(`query${rrtype} ETIMEOUT ${name}`), { code: 'ETIMEOUT' });
    }
    const records = rrtype === 'TXT' ? this.txt.get(key) : undefined;
    if (!records) throw Object.assign(new Error(`query${rrtype} ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return records.map((record) => [record]);
  };

  /** Domains whose name servers do not answer (every question about them times out). */
  readonly down = new Set<string>();

  spf(domain: string, record: string): this {
    this.txt.set(domain, [record]);
    return this;
  }

  dmarc(domain: string, record: string): this {
    this.txt.set(`_dmarc.${domain}`, [record]);
    return this;
  }

  /** Publishes a new DKIM key for `selector._domainkey.domain`; returns what nodemailer needs to sign with it. */
  dkimKey(domain: string, selector: string): DkimSigner {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    this.txt.set(`${selector}._domainkey.${domain}`, [`v=DKIM1; k=rsa; p=${der}`]);
    return { domainName: domain, keySelector: selector, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  }
}

/** nodemailer's `dkim` option. */
export interface DkimSigner {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

/** A relay's Authentication-Results header saying the mail from `address` passed SPF, DKIM and DMARC. */
export function passingAuthResults(authservId: string, address: string): string {
  const domain = address.split('@').pop()!;
  return `${authservId}; dkim=pass header.d=${domain} header.s=relay; spf=pass smtp.mailfrom=${address}; dmarc=pass (p=reject) header.from=${domain}`;
}
