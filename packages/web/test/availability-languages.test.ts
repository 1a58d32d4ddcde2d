/**
 * Availability pages in other languages: the staff table in German, the portal's page with a credit
 * request in Brazilian Portuguese, accessible in each; and under the pseudo-locale no English left on
 * the staff page, an account's attainment page and the portal's page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, seriousViolations } from './support/browser.js';
import { englishLeftovers, recordApiStrings } from './support/leftovers.js';
import { browserSuite } from './support/suite.js';

/** 2 December 2026, 17:00 UTC (near the day written: the browser's cookies keep real time). */
const NOW = Date.parse('2026-12-02T17:00:00Z');
const ADMIN = 'admin@hourglass.example';
const AGENT = 'lena.vogt@hourglass.example';
const RILEY = 'riley@bluefin-apps.example';
/** Intl writes numbers with no-break spaces; the tests compare with plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('availability in other languages', () => {
  const suite = browserSuite(NOW);
  let prepared: Promise<string> | undefined;

  async function api(email: string, password: string) {
    const signed = await fetch(`${suite.server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const cookie = signed.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return async (method: string, path: string, body?: unknown, type = 'application/json') => {
      const r = await fetch(`${suite.server.url}${path}`, {
        method,
        headers: { cookie, origin: suite.server.url, ...(body === undefined ? {} : { 'content-type': type }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
      return text === '' ? null : JSON.parse(text);
    };
  }

  /** A component down for 30 minutes on 10 November, Bluefin's fee and package on it: a credit is owed. Answers Bluefin's id. */
  function prepare(): Promise<string> {
    prepared ??= (async () => {
      const admin = await api(ADMIN, 'hourglass-admin');
      const component = await admin('POST', '/api/v1/status/components', { key: 'lang-api', name: 'Lang API' });
      try {
        for (const [at, status] of [['2026-11-10T08:00:00Z', 'major_outage'], ['2026-11-10T08:30:00Z', 'operational']] as const) {
          suite.server.clock.set(Date.parse(at));
          await (await api(ADMIN, 'hourglass-admin'))('PUT', `/api/v1/status/components/${component.id}/status`, { status });
        }
      } finally {
        suite.server.clock.set(NOW);
      }
      const again = await api(ADMIN, 'hourglass-admin');
      await again('POST', '/api/v1/availability/fees/import', 'account,component,month,amount,currency\nBluefin Apps,lang-api,2026-11,250.00,USD\n', 'text/csv');
      const accounts = await again('GET', '/api/v1/accounts?q=Bluefin');
      return accounts.items[0].id as string;
    })();
    return prepared;
  }

  async function signInAt(page: Page, email: string, password: string, locale: string, path: string): Promise<void> {
    await page.goto(`${suite.server.url}/login?locale=${locale}`);
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((address) => !address.pathname.startsWith('/login'));
    await page.goto(`${suite.server.url}${path}${path.includes('?') ? '&' : '?'}locale=${locale}`);
  }

  it('shows staff the availability per component and month in German', async () => {
    await prepare();
    const { context, page } = await openPage(suite.browser, NOW);
    await signInAt(page, AGENT, 'hourglass-agent', 'de', '/console/availability');
    await page.getByRole('heading', { name: 'Verfügbarkeit' }).waitFor();
    const row = page.locator('table.availability-components tbody tr[data-component="lang-api"]');
    await poll(async () => plain(await row.locator('td[data-month="2026-11"]').textContent())).toBe('99,931 %30 Min. nicht verfügbar');
    expect(await page.getByRole('columnheader', { name: 'Dezember 2026 (bisher)' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets a customer request a credit in Brazilian Portuguese', async () => {
    await prepare();
    const { context, page } = await openPage(suite.browser, NOW);
    await signInAt(page, RILEY, 'hourglass-customer', 'pt-BR', '/portal/availability');
    await page.getByRole('heading', { name: 'Disponibilidade e créditos' }).waitFor();
    const november = page.locator('table.availability-attainment tbody tr[data-month="2026-11"][data-component="lang-api"]');
    await poll(async () => plain(await november.textContent())).toContain('US$ 25,00');
    expect(await seriousViolations(page)).toEqual([]);
    await november.getByRole('button', { name: 'Solicitar o crédito de Lang API em novembro de 2026' }).click();
    await poll(() => page.getByRole('status').last().textContent()).toMatch(/^Crédito solicitado: o ticket #\d+ foi aberto com os números\./);
    await poll(() => november.textContent()).toMatch(/Solicitado ticket #\d+/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('leaves no English on the availability pages under the pseudo-locale', async () => {
    const bluefin = await prepare();
    for (const [email, password, path] of [
      [AGENT, 'hourglass-agent', '/console/availability'],
      [ADMIN, 'hourglass-admin', `/admin/accounts/${bluefin}/availability`],
      [RILEY, 'hourglass-customer', '/portal/availability'],
    ] as const) {
      const { context, page } = await openPage(suite.browser, NOW);
      const data = recordApiStrings(page);
      await signInAt(page, email, password, 'en-XA', path);
      await page.locator('table[class^="availability-"] tbody tr').first().waitFor();
      expect(await englishLeftovers(page, data, { within: 'main' }), path).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
