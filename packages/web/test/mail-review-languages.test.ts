/**
 * Suspended mail in other languages: the list, reading a held message, accepting and discarding
 * it and a refused decision, in German and Brazilian Portuguese, accessible in each; and under the
 * pseudo-locale no English left: every text a catalog's (bracketed) or the service's data.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, pageErrors, poll, screenshot, seriousViolations } from './support/browser.js';
import { englishLeftovers, recordApiStrings } from './support/leftovers.js';
import { HELD, MAIL_AGENT, type MailDesk, RILEY, startMailDesk } from './support/mail-desk.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

/** Signs the agent in on the sign-in page in `locale` and opens suspended mail. */
async function openSuspendedMail(page: Page, url: string, locale: string): Promise<void> {
  await page.goto(`${url}/login?locale=${locale}`);
  await page.locator('#login-email').fill(MAIL_AGENT);
  await page.locator('#login-password').fill('hourglass-agent');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((address) => !address.pathname.startsWith('/login'));
  await page.goto(`${url}/console/suspended-mail?locale=${locale}`);
}

describe('suspended mail in other languages', () => {
  let desk: MailDesk;
  let browser: Browser;

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startMailDesk(NOW), launch()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('shows the held mail in German, reads one, and says what a refused decision means, accessible', async () => {
    const { context, page } = await openPage(browser, NOW);
    await openSuspendedMail(page, desk.url, 'de');
    await page.getByRole('heading', { name: 'Zurückgehaltene E-Mails' }).waitFor();
    const table = page.getByRole('region', { name: 'Zurückgehaltene E-Mails' });
    const rows = page.locator('table.suspended-mail tbody tr');
    await poll(() => rows.count()).toBe(3);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Empfangen', 'Von', 'Betreff', 'Vorgesehene Aktion', 'Grund der Zurückhaltung', 'Entscheidung']);
    expect(await page.getByLabel('Anzeigen').locator('option').allTextContents()).toEqual(['Warten auf Entscheidung', 'Angenommen', 'Verworfen', 'Alle']);

    const riley = rows.filter({ hasText: HELD.customer });
    expect(await riley.textContent()).toContain('Gesendet von 127.0.0.1.');
    expect(await riley.textContent()).toContain('Ticket eröffnen');
    expect(await rows.filter({ hasText: HELD.forged }).textContent()).toContain('(Adresse eines Agenten)');
    await riley.getByRole('button', { name: `E-Mail „${HELD.customer}“ lesen` }).click();
    await poll(() => riley.textContent()).toContain('Every outbound call drops at 0:30.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'suspended-mail-de');

    await riley.getByRole('button', { name: `E-Mail „${HELD.customer}“ von ${RILEY} annehmen` }).click();
    await poll(() => page.getByRole('status').last().textContent()).toBe(`Die E-Mail von ${RILEY} wurde angenommen: Ein Ticket wurde eröffnet.`);
    await poll(() => riley.textContent()).toMatch(/Angenommen am .+Ticket öffnen/);

    const unknown = rows.filter({ hasText: HELD.unknown });
    await unknown.getByRole('button', { name: /annehmen$/ }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain(`Die E-Mail von ${RILEY} konnte nicht angenommen werden: `);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the list and a discarded message in Brazilian Portuguese', async () => {
    const { context, page } = await openPage(browser, NOW);
    await openSuspendedMail(page, desk.url, 'pt-BR');
    await page.getByRole('heading', { name: 'E-mails retidos' }).waitFor();
    await page.getByLabel('Mostrar', { exact: true }).selectOption('all');
    const rows = page.locator('table.suspended-mail tbody tr');
    await poll(() => rows.count()).toBe(3);
    const forged = rows.filter({ hasText: HELD.forged });
    await forged.getByRole('button', { name: `Descartar o e-mail “${HELD.forged}” de ${MAIL_AGENT}` }).click();
    await poll(() => page.getByRole('status').last().textContent()).toBe(`O e-mail de ${MAIL_AGENT} foi descartado.`);
    await poll(() => forged.textContent()).toMatch(/Descartado em /);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('leaves no English on the page under the pseudo-locale', async () => {
    const { context, page } = await openPage(browser, NOW);
    const data = recordApiStrings(page);
    await openSuspendedMail(page, desk.url, 'en-XA');
    const rows = page.locator('table.suspended-mail tbody tr');
    await page.locator('#suspended-status').selectOption('all');
    await poll(() => rows.count()).toBe(3);
    await rows.filter({ hasText: HELD.forged }).locator('button').first().click();
    await poll(() => rows.filter({ hasText: HELD.forged }).locator('pre').count()).toBe(1);
    await rows.filter({ hasText: HELD.unknown }).locator('button').nth(1).click();
    await page.getByRole('alert').waitFor();
    expect(await englishLeftovers(page, data, { within: 'main' })).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
