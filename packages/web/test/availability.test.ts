import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

/**
 * 2 December 2026, 17:00 UTC: November has ended and its credits may be requested. (Near the day the
 * tests were written: the browser keeps real time for its cookies, so a session must not look expired.)
 */
const NOW = Date.parse('2026-12-02T17:00:00Z');
const ADMIN = 'admin@hourglass.example';
const AGENT = 'lena.vogt@hourglass.example';
const RILEY = 'riley@bluefin-apps.example';

describe('availability and credits in the browser', () => {
  const suite = browserSuite(NOW);

  /** Signs in through the API and calls it as that person (the desk's own origin, as its pages do). */
  async function api(email: string, password: string) {
    const signed = await fetch(`${suite.server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const cookie = signed.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${suite.server.url}${path}`, {
        method,
        headers: { cookie, origin: suite.server.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
      return text === '' ? null : JSON.parse(text);
    };
  }

  /**
   * A component of its own with one major outage of 30 minutes on 10 November 2026, set by hand at
   * those moments: November (30 days, 43 200 min) is at 43 170 / 43 200 = 99.931%, below 99.95%.
   */
  async function givenAnOutage(): Promise<void> {
    const at = async (iso: string, status: string, id: string) => {
      suite.server.clock.set(Date.parse(iso));
      await (await api(ADMIN, 'hourglass-admin'))('PUT', `/api/v1/status/components/${id}/status`, { status });
    };
    const admin = await api(ADMIN, 'hourglass-admin');
    const component = await admin('POST', '/api/v1/status/components', { key: 'browser-api', name: 'Browser Test API' });
    try {
      await at('2026-11-10T08:00:00Z', 'major_outage', component.id);
      await at('2026-11-10T08:30:00Z', 'operational', component.id);
    } finally {
      suite.server.clock.set(NOW);
    }
  }

  it('shows staff every component per month, and an admin an account’s attainment with its fee and credit', async () => {
    await givenAnOutage();
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, AGENT, 'hourglass-agent');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Availability' }).click();
    await page.getByRole('heading', { name: 'Availability' }).waitFor();
    const row = page.locator('table.availability-components tbody tr[data-component="browser-api"]');
    await poll(() => row.locator('td[data-month="2026-11"]').textContent()).toBe('99.931%30 min unavailable');
    expect(await row.locator('td[data-month="2026-12"]').textContent()).toBe('100.000%0 min unavailable');
    expect(await page.getByRole('columnheader', { name: 'December 2026 (so far)' }).count()).toBe(1);
    await screenshot(page, 'availability-components');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const admin = await openPage(suite.browser, NOW);
    await signIn(admin.page, suite.server.url, ADMIN, 'hourglass-admin');
    await admin.page.getByRole('link', { name: 'Attainment and credits of Bluefin Apps' }).click();
    await admin.page.getByRole('heading', { name: 'Attainment and credits: Bluefin Apps' }).waitFor();
    await admin.page.getByLabel('CSV text').fill('account,component,month,amount,currency\nBluefin Apps,browser-api,2026-11,250.00,USD\nBluefin Apps,browser-apx,2026-11,250.00,USD\n');
    await admin.page.getByRole('button', { name: 'Import fees' }).click();
    await poll(() => admin.page.getByRole('alert').textContent()).toContain('Line 3, column 2: No status component has the key "browser-apx".');
    await admin.page.getByLabel('CSV text').fill('account,component,month,amount,currency\nBluefin Apps,browser-api,2026-11,250.00,USD\n');
    await admin.page.getByRole('button', { name: 'Import fees' }).click();
    await poll(() => admin.page.getByText('1 fee imported.').count()).toBe(1);
    const november = admin.page.locator('table.availability-attainment tbody tr[data-month="2026-11"][data-component="browser-api"]');
    // 10% of 250.00 USD.
    await poll(() => november.textContent()).toContain('$25.00');
    expect(await november.textContent()).toContain('30 of 43,200 min');
    expect(await november.textContent()).toContain('99.95%');
    // Staff may request it for the customer from here too (left to the customer in the next test).
    expect(await november.getByRole('button', { name: 'Request the credit for Browser Test API in November 2026' }).count()).toBe(1);
    // Packages: the Email Deliverability package from 15 November.
    await admin.page.getByRole('button', { name: 'Add a package' }).click();
    await admin.page.getByLabel('Package', { exact: true }).selectOption({ label: 'Email Deliverability package' });
    await admin.page.getByLabel('First day').fill('2026-11-15');
    await admin.page.getByRole('button', { name: 'Save packages' }).click();
    await poll(() => admin.page.getByText('Packages saved.').count()).toBe(1);
    await admin.page.reload();
    await poll(() => admin.page.getByLabel('First day').inputValue()).toBe('2026-11-15');
    await screenshot(admin.page, 'availability-account');
    expect(await seriousViolations(admin.page)).toEqual([]);
    expect(pageErrors(admin.page)).toEqual([]);
    await admin.context.close();
  });

  it('lets a customer see their availability and request the credit of an eligible month', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, RILEY, 'hourglass-customer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Availability' }).click();
    await page.getByRole('heading', { name: 'Availability and credits' }).waitFor();
    const november = page.locator('table.availability-attainment tbody tr[data-month="2026-11"][data-component="browser-api"]');
    await poll(() => november.textContent()).toContain('$25.00');
    expect(await november.textContent()).toContain('until Dec 30, 2026');
    const december = page.locator('table.availability-attainment tbody tr[data-month="2026-12"][data-component="browser-api"]');
    expect(await december.textContent()).toContain('100.000% so far');
    expect(await december.textContent()).toContain('Month in progress');
    expect(await seriousViolations(page)).toEqual([]);

    await november.getByRole('button', { name: 'Request the credit for Browser Test API in November 2026' }).click();
    await poll(() => page.getByRole('status').last().textContent()).toMatch(/^Credit requested: ticket #\d+ was opened with the figures\./);
    await poll(() => november.textContent()).toMatch(/Requested ticket #\d+/);
    await screenshot(page, 'availability-portal');
    await page.getByRole('link', { name: 'Open the ticket' }).click();
    await page.getByRole('heading', { name: /Service credit request: Browser Test API, November 2026/ }).waitFor();
    await poll(() => page.locator('main').textContent()).toContain("Credit owed: 10% of the month's fee of $250.00: $25.00.");
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    // An admin records the outcome on the account's page.
    const admin = await openPage(suite.browser, NOW);
    await signIn(admin.page, suite.server.url, ADMIN, 'hourglass-admin');
    await admin.page.getByRole('link', { name: 'Attainment and credits of Bluefin Apps' }).click();
    const row = admin.page.locator('table.availability-attainment tbody tr[data-month="2026-11"][data-component="browser-api"]');
    await poll(() => row.textContent()).toMatch(/Requested ticket #\d+/);
    await row.getByRole('button', { name: 'Mark the credit for Browser Test API in November 2026 as credited' }).click();
    await poll(() => row.textContent()).toMatch(/Credited ticket #\d+/);
    expect(await row.getByRole('button', { name: /as declined$/ }).count()).toBe(1);
    expect(await seriousViolations(admin.page)).toEqual([]);
    await admin.context.close();
  });
});
