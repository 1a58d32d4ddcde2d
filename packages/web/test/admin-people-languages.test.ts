/**
 * The admin's accounts and agents pages in another language: German and Brazilian Portuguese texts
 * on the lists, the editors and their messages, accessible in each; and under the pseudo-locale no
 * English left over in them, every text either from a catalog (bracketed) or data the service sent.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { englishLeftovers, recordApiStrings } from './support/leftovers.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

async function openAdmin(page: Page, url: string, path: string, locale: string): Promise<void> {
  await signIn(page, url, 'admin@hourglass.example', 'hourglass-admin');
  await page.waitForURL((address) => !address.pathname.startsWith('/login'));
  await page.goto(`${url}${path}?locale=${locale}`);
}

describe("the admin's accounts and agents pages in other languages", () => {
  const suite = browserSuite(NOW);

  it('shows the accounts list and the account editor in German, with its messages, accessible', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await openAdmin(page, suite.server.url, '/admin', 'de');
    const accounts = page.getByRole('region', { name: 'Kundenkonten' });
    const dunmore = accounts.getByRole('row', { name: /Dunmore Savings Bank/ });
    await poll(() => dunmore.locator('td').allTextContents()).toEqual([
      'Dunmore Savings Bank',
      'twilio',
      'personalized',
      '2025-04',
      'en',
      'kein Team',
      'Jordan Blake, Lena Vogt',
      'Production (Produktion), Staging',
      'Bearbeiten Erfüllung und Gutschriften',
    ]);
    expect(await accounts.getByRole('columnheader').allTextContents()).toEqual(['Konto', 'Richtlinie', 'Tarif', 'Version', 'Sprachen', 'Team', 'Verantwortliche', 'Projekte', 'Aktionen']);
    await dunmore.getByRole('button', { name: 'Dunmore Savings Bank bearbeiten' }).click();
    const editor = page.getByRole('region', { name: 'Dunmore Savings Bank: Tarif, Team, Verantwortliche und Telefon-PIN' });
    const form = editor.getByRole('form', { name: 'Dunmore Savings Bank ändern' });
    await poll(() => form.getByLabel('Telefon-PIN').inputValue()).toBe('482913');
    expect(await form.getByLabel('Vertretung').locator('option').allTextContents()).toContain('Irina Sokolova (Agent)');
    expect(await form.getByLabel('Support-Team').locator('option').first().textContent()).toBe('kein Team');
    // Percentages as German writes them (with a non-breaking space).
    expect(await editor.textContent()).toMatch(/Für die Verfügbarkeit der API zum Senden von E-Mails gelten 99,99\s% statt 99,95\s%\./);

    // The form's own check and the service's refusal, both in German.
    await form.getByRole('textbox', { name: /^Name/ }).fill(' ');
    await form.getByRole('button', { name: 'Dunmore Savings Bank speichern' }).click();
    await poll(() => form.locator('#account-name-error').textContent()).toBe('Geben Sie dem Konto einen Namen.');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Dunmore Savings Bank');
    await form.getByLabel('Telefon-PIN').fill('12ab');
    await form.getByRole('button', { name: 'Dunmore Savings Bank speichern' }).click();
    await poll(() => form.locator('#account-pin-error').textContent()).not.toBe('');
    expect(await form.locator('#account-pin-error').textContent()).not.toBe('Must be 4 to 8 digits.');
    await screenshot(page, 'admin-accounts-de');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it("shows the agents list, an agent's hours and out of office in German, accessible", async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await openAdmin(page, suite.server.url, '/admin/agents', 'de');
    const agents = page.getByRole('region', { name: 'Agenten und ihre Arbeitszeiten' });
    const lena = agents.getByRole('row', { name: /Lena Vogt/ });
    await poll(() => lena.locator('td').allTextContents()).toEqual([
      'Lena Vogt',
      'Agent',
      expect.stringMatching(/^Europe\/Berlin \(.+\)$/),
      'verfügbar',
      'Mo–Fr 09:00–18:00',
      'jetzt außer Dienst (09:00–18:00 Europe/Berlin, es ist 01:30)',
      'en, de',
      expect.any(String),
      'Bearbeiten',
    ]);
    await lena.getByRole('button', { name: 'Lena Vogt bearbeiten' }).click();
    const editor = page.getByRole('region', { name: 'Lena Vogt: Anwesenheit, Zeitzone, Arbeitszeiten, Sprachen und Teams' });
    const form = editor.getByRole('form', { name: 'Lena Vogt ändern' });
    await poll(() => form.getByLabel('Anwesenheit').locator('option').allTextContents()).toEqual([
      'verfügbar: übernimmt neue Tickets',
      'abwesend: übernimmt vorerst keine neuen Tickets',
      'offline',
    ]);
    const day = (name: string) => form.getByRole('textbox', { name, exact: true });
    await day('Donnerstag').fill('22:00-06:00');
    await poll(() => form.locator('#agent-hours-thu-note').textContent()).toBe('22:00–06:00 (Folgetag) endet am Freitag um 06:00.');
    await day('Mittwoch').fill('neun bis fünf');
    await form.getByRole('button', { name: 'Lena Vogt speichern' }).click();
    await poll(() => form.locator('#agent-hours-wed-error').textContent()).toBe(
      '„neun bis fünf“ ist keine Zeitspanne; schreiben Sie sie als 09:00–17:00 oder, für Zeiten über Mitternacht hinaus, als 22:00–06:00.',
    );
    expect(await form.getByRole('group', { name: 'Teams' }).textContent()).toContain('Die Teams, deren Tickets und Anrufe diese Person übernimmt.');

    const away = editor.getByRole('group', { name: 'Abwesenheit' });
    await poll(() => away.textContent()).toContain('Keine Abwesenheitszeiträume.');
    await away.getByRole('button', { name: 'Zeitraum hinzufügen' }).click();
    await poll(() => away.locator('#ooo-starts-error').textContent()).toBe('Geben Sie den ersten Tag und die Uhrzeit der Abwesenheit an.');
    expect(await away.getByLabel('Abwesend ab (Zeit in Europe/Berlin)').count()).toBe(1);
    await screenshot(page, 'admin-agents-de');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('leaves no English on the accounts and agents pages under the pseudo-locale', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    const data = recordApiStrings(page);
    await openAdmin(page, suite.server.url, '/admin', 'en-XA');
    const sections = { within: 'main section' };
    const row = (name: string) => page.locator('main table tbody tr').filter({ hasText: name });
    await poll(() => row('Dunmore Savings Bank').count()).toBe(1);
    await row('Dunmore Savings Bank').getByRole('button').click();
    await page.locator('#account-name').waitFor();
    // The form's own messages too.
    await page.locator('#account-name').fill('');
    await page.locator('#account-languages').fill('');
    await page.locator('main form button[type="submit"]').click();
    await page.locator('#account-languages-error').waitFor();
    expect(await englishLeftovers(page, data, sections)).toEqual([]);

    await page.goto(`${suite.server.url}/admin/agents?locale=en-XA`);
    await poll(() => row('Lena Vogt').count()).toBe(1);
    await row('Lena Vogt').getByRole('button').click();
    await page.locator('#agent-presence').waitFor();
    await page.locator('#agent-hours-fri').fill('22:00-06:00');
    await page.locator('#agent-hours-mon').fill('x');
    await page.locator('#agent-languages').fill('');
    await page.locator('form.agent-form button[type="submit"]').click();
    await page.locator('#agent-hours-mon-error').waitFor();
    await page.locator('#agent-hours-fri-note').waitFor();
    await page.locator('.out-of-office form button[type="submit"]').click();
    await page.locator('#ooo-starts-error').waitFor();
    await poll(() => page.locator('.out-of-office').textContent()).toMatch(/\[/);
    expect(await englishLeftovers(page, data, sections)).toEqual([]);
    // The same look at the English page finds its words.
    await page.goto(`${suite.server.url}/admin/agents?locale=en`);
    await poll(() => row('Lena Vogt').count()).toBe(1);
    expect(await englishLeftovers(page, data, sections)).toEqual(expect.arrayContaining([expect.stringContaining('Agents and their hours')]));
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows both pages in Brazilian Portuguese, and an added out-of-office range in its words, accessible', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await openAdmin(page, suite.server.url, '/admin', 'pt-BR');
    const accounts = page.getByRole('region', { name: 'Contas de clientes' });
    const dunmore = accounts.getByRole('row', { name: /Dunmore Savings Bank/ });
    await poll(() => dunmore.locator('td').nth(7).textContent()).toBe('Production (produção), Staging');
    expect(await dunmore.locator('td').nth(5).textContent()).toBe('nenhuma');
    await dunmore.getByRole('button', { name: 'Editar Dunmore Savings Bank' }).click();
    const accountForm = page.getByRole('region', { name: 'Dunmore Savings Bank: plano, equipe, gerentes e PIN telefônico' }).getByRole('form', { name: 'Alterar Dunmore Savings Bank' });
    await poll(() => accountForm.getByLabel('Gerente substituto').locator('option').allTextContents()).toContain('Irina Sokolova (agente)');
    expect(await accountForm.getByLabel('Nível de parceria').locator('option').first().textContent()).toBe('nenhum');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${suite.server.url}/admin/agents?locale=pt-BR`);
    const agents = page.getByRole('region', { name: 'Agentes e seus horários' });
    const jordan = agents.getByRole('row', { name: /Jordan Blake/ });
    await poll(() => jordan.locator('td').nth(5).textContent()).toBe('fora do expediente agora (06:00–15:00 America/Los_Angeles, hora local 16:30)');
    expect(await jordan.locator('td').nth(3).textContent()).toBe('disponível');
    const lena = agents.getByRole('row', { name: /Lena Vogt/ });
    expect(await lena.locator('td').nth(4).textContent()).toBe('Seg–Sex 09:00–18:00');
    await lena.getByRole('button', { name: 'Editar Lena Vogt' }).click();
    const editor = page.getByRole('region', { name: 'Lena Vogt: presença, fuso horário, horário, idiomas e equipes' });
    const away = editor.getByRole('group', { name: 'Ausência' });
    await poll(() => away.textContent()).toContain('Nenhum período de ausência.');
    await away.getByLabel(/^Ausente a partir de/).fill('2026-12-07T09:00');
    await away.getByLabel(/^De volta em/).fill('2026-12-11T18:00');
    await away.getByLabel('Observação').fill('Conferência');
    await away.getByRole('button', { name: 'Adicionar o período' }).click();
    await poll(() => away.textContent()).toMatch(/O período foi adicionado(\.|; )/);
    const range = away.getByRole('listitem').first();
    expect(await range.textContent()).toContain('(Conferência)');
    const removeLabel = await range.getByRole('button').getAttribute('aria-label');
    expect(removeLabel).toMatch(/^Remover .+ – .+$/);
    await screenshot(page, 'admin-agents-pt-BR');
    expect(await seriousViolations(page)).toEqual([]);
    await range.getByRole('button').click();
    await poll(() => away.textContent()).toContain('O período foi removido.');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
