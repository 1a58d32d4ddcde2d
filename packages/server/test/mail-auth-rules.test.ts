import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';
import { isRelay, relayBlockList } from '../src/notify/inbound-auth-config.js';
import { judgeMailAuth, type MailAuthFacts } from '../src/notify/inbound-auth-rule.js';

const facts = (over: Partial<MailAuthFacts>): MailAuthFacts => ({
  fromDomain: 'example.com',
  spf: { result: 'none', domain: 'example.com', ip: '203.0.113.5' },
  dkim: [],
  dmarc: { result: 'none', domain: 'example.com', policy: null },
  ...over,
});

describe('when inbound mail counts as authenticated', () => {
  it('takes DMARC pass, and nothing else, from a domain that publishes DMARC', () => {
    expect(judgeMailAuth(facts({ dmarc: { result: 'pass', domain: 'example.com', policy: 'reject' } })).authenticated).toBe(true);
    const aligned = { dkim: [{ result: 'pass', domain: 'example.com' }], spf: { result: 'pass', domain: 'example.com', ip: '203.0.113.5' } };
    for (const result of ['fail', 'temperror', 'permerror']) {
      expect(judgeMailAuth(facts({ ...aligned, dmarc: { result, domain: 'example.com', policy: 'none' } })).authenticated).toBe(false);
    }
  });

  it('without a DMARC record, needs a DKIM or SPF pass in the From domain', () => {
    expect(judgeMailAuth(facts({ dkim: [{ result: 'pass', domain: 'mail.example.com' }] })).authenticated).toBe(true);
    expect(judgeMailAuth(facts({ spf: { result: 'pass', domain: 'bounces.example.com', ip: '203.0.113.5' } })).authenticated).toBe(true);
    expect(judgeMailAuth(facts({ dkim: [{ result: 'pass', domain: 'example.net' }], spf: { result: 'pass', domain: 'mailer.example.org', ip: '203.0.113.5' } }))).toEqual({
      authenticated: false,
      temporary: false,
      reason:
        'SPF pass for 203.0.113.5 (mailer.example.org), which is not the From domain example.com; DKIM pass for example.net, which is not the From domain example.com; no DMARC record for example.com',
    });
    expect(judgeMailAuth(facts({ spf: { result: 'softfail', domain: 'example.com', ip: '203.0.113.5' }, dkim: [{ result: 'neutral', domain: 'example.com' }] })).authenticated).toBe(false);
    expect(judgeMailAuth(facts({ spf: { result: 'temperror', domain: 'example.com', ip: '203.0.113.5' } }))).toMatchObject({ authenticated: false, temporary: true });
    expect(judgeMailAuth(facts({ dmarc: { result: 'temperror', domain: 'example.com', policy: null } }))).toMatchObject({ authenticated: false, temporary: true });
    expect(judgeMailAuth(facts({ spf: { result: 'fail', domain: 'example.com', ip: '203.0.113.5' } }))).toMatchObject({ authenticated: false, temporary: false });
    // A look-alike under another public suffix is another organization.
    expect(judgeMailAuth(facts({ fromDomain: 'example.co.uk', dkim: [{ result: 'pass', domain: 'attacker.co.uk' }] })).authenticated).toBe(false);
  });
});

describe('mail authentication settings', () => {
  const read = (env: Record<string, string>) => readConfig({ ...env } as NodeJS.ProcessEnv, '/tmp');

  it('defaults to verify, and reads relay mode', () => {
    expect(read({}).mail.inboundAuth).toEqual({ mode: 'verify' });
    expect(read({ HOURGLASS_MAIL_AUTH: 'relay', HOURGLASS_MAIL_RELAYS: '10.0.0.25, 2001:db8::/64', HOURGLASS_MAIL_AUTHSERV_ID: 'MX.Example.com' }).mail.inboundAuth).toEqual({
      mode: 'relay',
      relays: ['10.0.0.25', '2001:db8::/64'],
      authservId: 'mx.example.com',
    });
  });

  it('says what is wrong with a bad mode, relay list or authserv-id', () => {
    expect(() => read({ HOURGLASS_MAIL_AUTH: 'off' })).toThrow(/HOURGLASS_MAIL_AUTH "off" is not a mode; use "verify" .* or "relay"/);
    expect(() => read({ HOURGLASS_MAIL_AUTH: 'relay' })).toThrow(/HOURGLASS_MAIL_RELAYS must list the IP addresses[\s\S]*HOURGLASS_MAIL_AUTHSERV_ID is required/);
    expect(() => read({ HOURGLASS_MAIL_AUTH: 'relay', HOURGLASS_MAIL_RELAYS: '10.0.0.0/33,mx.example.com', HOURGLASS_MAIL_AUTHSERV_ID: 'mx;evil' })).toThrow(
      /"10.0.0.0\/33" has a prefix length that is not 0-32[\s\S]*"mx.example.com" is not an IP address or CIDR range[\s\S]*"mx;evil" is not an authserv-id/,
    );
    expect(() => read({ HOURGLASS_MAIL_RELAYS: '10.0.0.1' })).toThrow(ConfigError);
  });

  it('matches client addresses against the relay ranges, IPv4-mapped IPv6 included', () => {
    const list = relayBlockList(['10.0.0.0/8', '2001:db8::/64', '192.0.2.7']);
    expect(['10.1.2.3', '::ffff:10.9.9.9', '2001:db8::25', '192.0.2.7'].map((a) => isRelay(list, a))).toEqual([true, true, true, true]);
    expect(['11.0.0.1', '2001:db9::1', '192.0.2.8', 'not-an-ip'].map((a) => isRelay(list, a))).toEqual([false, false, false, false]);
  });
});
