/**
 * The desk's language in a browser: chosen from the browser's languages before anyone signs in, by
 * the switcher (kept in the browser, and in the profile once signed in), by a profile's language,
 * or by the address (`?locale=`, the pseudo-locale included).
 */
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const PASSWORD = 'hourglass-customer';

describe('the language of the desk in a browser', () => {
  const suite = browserSuite(NOW);

  it("speaks the browser's language before sign-in, switches at once, and keeps the choice in the profile", async () => {
    const { context, page } = await openPage(suite.browser, NOW, { locale: 'de-AT' });
    await page.goto(`${suite.server.url}/login`);
    await page.getByRole('heading', { name: 'Bei Hourglass anmelden' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.title()).toBe('Anmelden · Hourglass');
    const switcher = page.getByLabel('Sprache');
    expect(await switcher.locator('option').allTextContents()).toEqual(['English', 'Português (Brasil)', 'Deutsch', 'Español', 'Русский']);
    expect(await seriousViolations(page)).toEqual([]);

    await switcher.selectOption('pt-BR');
    await page.getByRole('heading', { name: 'Entrar no Hourglass' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    await page.reload();
    await page.getByRole('heading', { name: 'Entrar no Hourglass' }).waitFor();

    // Wrong password: the sign-in page's own message, in Portuguese.
    await page.getByLabel('E-mail').fill('dana@cobalt-freight.example');
    await page.getByLabel('Senha').fill('not-the-password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('O e-mail ou a senha estão incorretos');

    // Dana's profile names no language: the choice made here stays.
    await page.getByLabel('Senha').fill(PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('link', { name: 'Meus tickets' }).waitFor();
    await page.locator('table.tickets tbody tr').first().waitFor();
    expect(await page.locator('.due').first().textContent()).toMatch(/^(vence em|atrasado há) /);

    // Switching in the header changes the page at once and saves the profile.
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
    await page.getByLabel('Idioma').selectOption('ru');
    await page.getByRole('link', { name: 'Мои обращения' }).waitFor();
    expect((await saved).status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    const me = await context.request.get(`${suite.server.url}/api/v1/me`);
    expect(((await me.json()) as { locale: string | null }).locale).toBe('ru');
    await screenshot(page, 'language-switched-ru');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("shows a signed-in person's pages in their profile's language, whatever the browser's", async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await page.goto(`${suite.server.url}/login`);
    await page.getByRole('heading', { name: 'Sign in to Hourglass' }).waitFor();
    await page.getByLabel('Email').fill('frieda@elmtree-retail.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Meine Tickets' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByLabel('Sprache').inputValue()).toBe('de');
    // Every page the same: a new visit starts in German from the profile.
    await page.goto(`${suite.server.url}/portal`);
    await page.getByRole('link', { name: 'Meine Tickets' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('marks every catalog text in the pseudo-locale, and keeps the address’s language for the visit', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await page.goto(`${suite.server.url}/login?locale=en-XA`);
    const heading = page.getByRole('heading', { level: 1 });
    await poll(() => heading.textContent()).toMatch(/^\[Šíĝñ íñ ţó Ĥóúŕĝļášš .*\]$/);
    expect(await page.getByRole('button').first().textContent()).toMatch(/^\[.*\]$/);
    await page.goto(`${suite.server.url}/login`);
    await poll(() => heading.textContent()).toMatch(/^\[Šíĝñ íñ/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
