import { isIP } from 'node:net';
import path from 'node:path';
import type { ClockSetting } from './clock.js';
import { parseWebhookAllowList, WEBHOOK_ALLOW_SETTING, type WebhookAllowList } from './notify/webhook-destination.js';
import { type InboundAuthConfig, parseInboundAuthConfig } from './notify/inbound-auth-config.js';

/** Where the service keeps its data and how it tells time. Read once, from the environment, here only. */
export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  clock: ClockSetting;
  logLevel: string;
  mail: MailConfig;
  security: SecurityConfig;
  /** HOURGLASS_WEBHOOK_ALLOW: internal webhook receivers the operator trusts (host names, IPs, CIDR ranges); empty: public addresses only. */
  webhookAllow: WebhookAllowList;
}

/** Running on the internet: the TLS proxy in front, and who may read `/metrics`. */
export interface SecurityConfig {
  /**
   * HOURGLASS_TRUST_PROXY: Fastify's `trustProxy`: `false` (default), `true` (trust every hop),
   * a number of hops, or a comma-separated list of proxy addresses/CIDR ranges. When trusted,
   * X-Forwarded-Proto/-For/-Host decide the protocol (Secure cookie, HSTS) and the client address.
   */
  trustProxy: TrustProxySetting;
  /** HOURGLASS_METRICS_TOKEN: `/metrics` answers only to `Authorization: Bearer <this>`. */
  metricsToken: string | undefined;
  /** HOURGLASS_METRICS_LISTEN: `host:port` of a separate listener serving only `/metrics` (then the API port has none). */
  metricsListen: { host: string; port: number } | undefined;
}

export type TrustProxySetting = boolean | number | string[];

/** Email in and out. Without `smtpUrl`, outgoing mail is only recorded in the `mail_log` table. */
export interface MailConfig {
  /** HOURGLASS_SMTP_URL, e.g. smtp://user:pass@mail.example.com:587. */
  smtpUrl: string | undefined;
  /** HOURGLASS_SMTP_IN_PORT: where the inbound mail listener listens; unset: no listener. */
  inboundPort: number | undefined;
  /** HOURGLASS_SUPPORT_ADDRESS: the sender of notifications and the address inbound mail must be sent to. */
  supportAddress: string;
  /** HOURGLASS_PUBLIC_URL: the web address links in emails point to; unset: where the server listens (`http://localhost:<port>`). */
  publicUrl: string | undefined;
  /** HOURGLASS_MAIL_AUTH (+ HOURGLASS_MAIL_RELAYS, HOURGLASS_MAIL_AUTHSERV_ID): how inbound mail is authenticated. */
  inboundAuth: InboundAuthConfig;
}

export type { ClockSetting };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the service settings from `env` (normally `process.env`) and reports every bad value at once. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const port = parsePort(env.PORT, problems);
  const clock = parseClockSetting(env.HOURGLASS_CLOCK, problems);
  const logLevel = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL "${env.LOG_LEVEL}" is not a log level; use one of ${LOG_LEVELS.join(', ')}.`);
  }
  const databaseUrl = blankToUndefined(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/hourglass; leave it unset for the embedded database.');
  }
  const mail = parseMailConfig(env, problems);
  const security = parseSecurityConfig(env, problems);
  const webhookAllow = parseWebhookAllowList((env[WEBHOOK_ALLOW_SETTING] ?? '').split(','));
  problems.push(...webhookAllow.problems.map((problem) => `${WEBHOOK_ALLOW_SETTING}: ${problem}`));
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return {
    port,
    host: blankToUndefined(env.HOST) ?? '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(cwd, blankToUndefined(env.HOURGLASS_DATA_DIR) ?? '.data'),
    clock,
    logLevel,
    mail,
    security,
    webhookAllow: webhookAllow.allow,
  };
}

function parseSecurityConfig(env: NodeJS.ProcessEnv, problems: string[]): SecurityConfig {
  const trustProxy = parseTrustProxy(env.HOURGLASS_TRUST_PROXY, problems);
  const metricsToken = blankToUndefined(env.HOURGLASS_METRICS_TOKEN);
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,256}$/.test(metricsToken)) {
    problems.push('HOURGLASS_METRICS_TOKEN must be 16 to 256 visible ASCII characters (no spaces), such as the output of `openssl rand -hex 32`.');
  }
  const rawListen = blankToUndefined(env.HOURGLASS_METRICS_LISTEN);
  let metricsListen: SecurityConfig['metricsListen'];
  if (rawListen !== undefined) {
    const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(rawListen);
    const port = match ? Number(match[3]) : NaN;
    if (!match || port > 65535) {
      problems.push(`HOURGLASS_METRICS_LISTEN "${rawListen}" must be host:port of a separate metrics listener, such as 127.0.0.1:9464 or [::1]:9464.`);
    } else {
      metricsListen = { host: (match[1] ?? match[2])!, port };
    }
  }
  return { trustProxy, metricsToken, metricsListen };
}

/** `true`/`false`, a hop count, or a comma-separated list of IP addresses or CIDR ranges. */
export function parseTrustProxy(raw: string | undefined, problems: string[] = []): TrustProxySetting {
  const value = blankToUndefined(raw)?.toLowerCase();
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (entries.length === 0 || bad.length > 0) {
    problems.push(
      `HOURGLASS_TRUST_PROXY "${raw}" is not understood (${bad.map((b) => `"${b}"`).join(', ') || 'empty'}); use "true" (trust every proxy hop), ` +
        'a number of hops such as 1, or a comma-separated list of proxy addresses or CIDR ranges such as 10.0.0.0/8,127.0.0.1; leave it unset when no proxy is in front.',
    );
    return false;
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

function parseMailConfig(env: NodeJS.ProcessEnv, problems: string[]): MailConfig {
  const smtpUrl = blankToUndefined(env.HOURGLASS_SMTP_URL);
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    problems.push('HOURGLASS_SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.com:587 (smtps:// for TLS); leave it unset to record mail in the mail_log table only.');
  }
  const rawPort = blankToUndefined(env.HOURGLASS_SMTP_IN_PORT);
  let inboundPort: number | undefined;
  if (rawPort !== undefined) {
    inboundPort = Number(rawPort);
    if (!Number.isInteger(inboundPort) || inboundPort < 0 || inboundPort > 65535) {
      problems.push(`HOURGLASS_SMTP_IN_PORT "${rawPort}" is not a port number; use an integer from 0 to 65535, or leave it unset for no inbound mail.`);
      inboundPort = undefined;
    }
  }
  const supportAddress = (blankToUndefined(env.HOURGLASS_SUPPORT_ADDRESS) ?? 'support@hourglass.localhost').toLowerCase();
  if (!/^[^\s@<>]+@[A-Za-z0-9.-]+$/.test(supportAddress)) {
    problems.push(`HOURGLASS_SUPPORT_ADDRESS "${env.HOURGLASS_SUPPORT_ADDRESS}" is not an email address; give one such as support@desk.example.com.`);
  }
  const publicUrl = blankToUndefined(env.HOURGLASS_PUBLIC_URL)?.replace(/\/+$/, '');
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    problems.push(`HOURGLASS_PUBLIC_URL "${env.HOURGLASS_PUBLIC_URL}" must be an http(s) URL such as https://desk.example.com.`);
  }
  const inboundAuth = parseInboundAuthConfig(env, problems);
  return { smtpUrl, inboundPort, supportAddress, publicUrl, inboundAuth };
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parsePort(raw: string | undefined, problems: string[]): number {
  const value = blankToUndefined(raw);
  if (value === undefined) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT "${raw}" is not a port number; use an integer from 0 to 65535.`);
    return 3000;
  }
  return port;
}

const EARLIEST_CLOCK = Date.UTC(1900, 0, 1);
const LATEST_CLOCK = Date.UTC(2400, 0, 1);

/** `system`, `fixed:<ISO instant>` or `offset:<ISO instant>` (start the clock at that instant and let it run). */
export function parseClockSetting(raw: string | undefined, problems: string[] = []): ClockSetting {
  const value = blankToUndefined(raw);
  if (value === undefined || value === 'system') return { kind: 'system' };
  const match = /^(fixed|offset):(.+)$/.exec(value);
  const instant = match ? parseIsoInstant(match[2]!) : undefined;
  if (!match || instant === undefined) {
    problems.push(
      `HOURGLASS_CLOCK "${raw}" is not understood; use "system", "fixed:2026-03-02T09:00:00Z" or "offset:2026-03-02T09:00:00-08:00" (an ISO 8601 instant with Z or an offset).`,
    );
    return { kind: 'system' };
  }
  if (instant < EARLIEST_CLOCK || instant >= LATEST_CLOCK) {
    problems.push(`HOURGLASS_CLOCK "${raw}" is outside the years the service computes due times for; give an instant from 1900 to 2399.`);
    return { kind: 'system' };
  }
  return match[1] === 'fixed' ? { kind: 'fixed', at: instant } : { kind: 'offset', startAt: instant };
}

function parseIsoInstant(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
