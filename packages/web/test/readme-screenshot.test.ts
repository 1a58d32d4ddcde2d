/**
 * The README's German page: a customer's ticket in the portal with `?locale=de`, its response
 * target and the due time explained in German (the nights and the Thanksgiving days the clock
 * skips). Checked in every run; `node scripts/readme-screenshots.mjs` also writes the picture to
 * docs/screenshots/portal-ticket-de.png.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations } from './support/browser.js';
import { browserSuite } from './support/suite.js';

/** Wed 25 Nov 2026, 16:30 in Los Angeles: Thanksgiving is tomorrow. */
const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const CUSTOMER = { email: 'riley@bluefin-apps.example', password: 'hourglass-customer' };
const SUBJECT = 'Anrufe brechen nach zehn Sekunden Stille ab';
const SID = (n: number) => `CA${String(n).repeat(32)}`;
const README_PICTURE = fileURLToPath(new URL('../../../docs/screenshots/portal-ticket-de.png', import.meta.url));

describe("the README's page in German", () => {
  const suite = browserSuite(NOW);

  it('shows a portal ticket with its due time explained in German', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await page.goto(`${suite.server.url}/login?locale=de`);
    await page.locator('#login-email').fill(CUSTOMER.email);
    await page.locator('#login-password').fill(CUSTOMER.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Meine Tickets' }).waitFor();
    // A new P3 ticket on the Bootstrap plan: its 8 business hours run over the night and Thanksgiving.
    await page.getByRole('link', { name: 'Neues Ticket' }).first().click();
    await page.locator('#product').selectOption('voice');
    await page.locator('#intake-call_sids').fill(`${SID(1)}\n${SID(2)}`);
    await page.locator('#intake-examples_at').fill('2026-11-25T16:30');
    const description = page.locator('#intake-description');
    await ((await description.count()) > 0 ? description : page.locator('#description')).fill('Anrufer hören zehn Sekunden lang nichts, dann bricht der Anruf ab.');
    await page.locator('#subject').fill(SUBJECT);
    await page.getByRole('button', { name: 'Ticket eröffnen' }).click();
    await page.getByRole('heading', { name: new RegExp(SUBJECT) }).waitFor();
    const targets = page.getByRole('region', { name: 'Reaktionsziele' });
    await poll(() => targets.textContent()).toMatch(/Fällig .+: .+/);
    const text = (await targets.textContent()) ?? '';
    expect(text).toContain('Erste Antwort');
    expect(text).toMatch(/geschlossen/);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'portal-ticket-de');
    if (process.env.HOURGLASS_README_SCREENSHOTS === '1') await page.screenshot({ path: README_PICTURE, fullPage: true });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
