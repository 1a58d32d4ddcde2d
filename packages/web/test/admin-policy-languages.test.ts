/**
 * The admin's policy packs, calendars and webhooks pages in another language: German and Brazilian
 * Portuguese texts on the packs and their targets, the pack check and its problems, the calendar's
 * open hours and month, the webhook list, form and delivery log, accessible in each; and under the
 * pseudo-locale no English left in these sections (see support/leftovers.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { englishLeftovers, recordApiStrings } from './support/leftovers.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const TWILIO_PACK = readFileSync(new URL('../../policy/packs/twilio.yaml', import.meta.url), 'utf8');
/** The Twilio pack with a key its schema does not know, on line 36. */
const BROKEN_PACK = TWILIO_PACK.replace('name: Business Critical', 'name: Business Critical\n        production_only: maybe');

async function openAdmin(page: Page, url: string, path: string, locale: string): Promise<void> {
  await signIn(page, url, 'admin@hourglass.example', 'hourglass-admin');
  await page.waitForURL((address) => !address.pathname.startsWith('/login'));
  await page.goto(`${url}${path}?locale=${locale}`);
}

describe("the admin's policy, calendar and webhook pages in other languages", () => {
  const suite = browserSuite(NOW);
  const SLOW = 90_000;

  it('shows the packs, their targets and a checked pack file in German, accessible', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await openAdmin(page, suite.server.url, '/admin/policies', 'de');
    const packs = page.getByRole('region', { name: 'Pakete und ihre Versionen' });
    const twilio = packs.getByRole('article', { name: /Twilio/ });
    await poll(() => twilio.textContent()).toContain('Version 2025-04, gültig ab');
    expect(await twilio.textContent()).toContain('jetzt gültig');
    const current = twilio.getByRole('group', { name: 'twilio, Version 2025-04' });
    expect(await current.textContent()).toContain('Die Fristen beginnen, wenn das Ticket eröffnet wird. Keine Zusage für: Chat.');
    expect(await current.textContent()).toContain('First response (erste Antwort), pausiert im Status „Wartet auf Antwort“');
    const targets = current.getByRole('table', { name: 'Ziele' });
    expect(await targets.getByRole('columnheader').allTextContents()).toEqual(['Tarif', 'Priorität', 'First response']);
    expect(await targets.locator('td[data-target="free/P1/first_response"]').textContent()).toBe('kein Ziel');
    expect(await targets.locator('td[data-target="premium/P1/first_response"]').textContent()).toMatch(/^1\s?\S+ im Kalender Around the clock$/);
    expect(await twilio.getByLabel('Version anzeigen').locator('option').allTextContents()).toEqual(['2020-01', '2025-04 (gültig)']);
    expect(await seriousViolations(page)).toEqual([]);

    const upload = page.getByRole('region', { name: 'Richtlinienpaket-Datei prüfen' });
    await upload.getByRole('button', { name: 'Paket prüfen' }).click();
    await poll(() => upload.locator('#pack-error').textContent()).toBe('Wählen Sie zuerst eine Paketdatei aus oder fügen Sie ihren YAML-Text ein.');
    await upload.getByLabel('Oder YAML-Text einfügen').fill(BROKEN_PACK);
    await upload.getByRole('button', { name: 'Paket prüfen' }).click();
    const listing = upload.getByRole('list', { name: 'pack.yaml mit markierten Problemen' });
    await listing.waitFor();
    expect(await upload.getByRole('alert').textContent()).toContain('pack.yaml enthält 1 Problem; beheben Sie es und prüfen Sie erneut.');
    expect(await upload.getByRole('link', { name: 'Zeile 36, Spalte 26' }).getAttribute('href')).toBe('#pack-line-36');
    expect(await listing.locator('li.problem-line').textContent()).toContain('Problem in Zeile 36:');
    await screenshot(page, 'admin-policy-packs-de');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, SLOW);

  it("shows a calendar's open hours and month in German, accessible", async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await openAdmin(page, suite.server.url, '/admin/calendars', 'de');
    const calendars = page.getByRole('region', { name: 'Öffnungszeiten und Feiertage' });
    await calendars.getByLabel('Kalender').selectOption('twilio/twilio-business-hours');
    await poll(() => calendars.locator('.next-open').textContent()).toMatch(/^Jetzt geöffnet, bis Mi\., 25\. Nov\., 18:00 America\/Los_Angeles \(.+\)\.$/);
    const next = calendars.getByRole('list', { name: 'Die nächsten Öffnungszeiten' });
    expect((await next.getByRole('listitem').allTextContents())[0]).toMatch(/^Mo\., 30\. Nov\., 06:00–18:00 America\/Los_Angeles \(.+\) \(für Sie: .+ UTC\)$/);
    const month = calendars.getByRole('table', { name: /November 2026/ });
    await poll(() => month.locator('td[data-date="2026-11-28"]').textContent()).toBe('28geschlossen');
    expect(await month.getByRole('columnheader').allTextContents()).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
    await poll(() => calendars.textContent()).toMatch(/11 Schließtage in diesem Monat; Feiertage: .+ \(26\.\) und .+ \(27\.\)\./);
    await calendars.getByRole('button', { name: 'Nächster Monat →' }).click();
    await calendars.getByRole('table', { name: /Dezember 2026/ }).waitFor();
    await calendars.getByLabel('Kalender').selectOption('twilio/24x7');
    await poll(() => calendars.textContent()).toContain('Immer geöffnet: Jede Stunde jedes Tages zählt, auch an Feiertagen.');
    await poll(() => calendars.locator('td[data-date="2026-11-26"]').textContent()).toBe('26ganztägig geöffnet');
    await screenshot(page, 'admin-calendar-month-de');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, SLOW);

  it('adds, lists and deletes a webhook in German, accessible', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await openAdmin(page, suite.server.url, '/admin/webhooks', 'de');
    const list = page.getByRole('region', { name: 'Webhook-Endpunkte', exact: true });
    await poll(() => list.textContent()).toContain('Noch keine Webhook-Endpunkte; fügen Sie unten einen hinzu.');
    const add = page.getByRole('region', { name: 'Einen Endpunkt hinzufügen' });
    await add.getByRole('button', { name: 'Endpunkt hinzufügen' }).click();
    await poll(() => add.locator('#webhook-new-url-error').textContent()).toBe('Geben Sie die Adresse an, die die Ereignisse empfängt, etwa https://example.com/hooks/hourglass.');
    expect(await add.getByRole('checkbox', { name: /^ticket_created Ein Ticket wird eröffnet$/ }).count()).toBe(1);
    await add.getByRole('textbox', { name: /^URL/ }).fill('https://hooks.example.com/de');
    await add.getByRole('checkbox', { name: /^breached / }).check();
    await add.getByRole('button', { name: 'Endpunkt hinzufügen' }).click();
    await poll(() => list.getByRole('status').textContent()).toContain('https://hooks.example.com/de wurde hinzugefügt.');
    const row = list.getByRole('row', { name: /hooks\.example\.com\/de/ });
    await poll(() => row.locator('td').nth(2).textContent()).toBe('aktiv');
    expect(await list.getByRole('columnheader').allTextContents()).toEqual(['URL', 'Ereignisse', 'Zustand', 'Hinzugefügt', 'Aktionen']);
    await list.getByRole('button', { name: 'Ich habe den Schlüssel gespeichert' }).click();
    await row.getByRole('button', { name: 'Zustellprotokoll: https://hooks.example.com/de' }).click();
    const log = list.getByRole('region', { name: 'Zustellprotokoll von https://hooks.example.com/de' });
    await poll(() => log.textContent()).toContain('An diesen Endpunkt wurde noch nichts gesendet.');
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Löschen: https://hooks.example.com/de' }).click();
    const confirm = list.getByRole('group', { name: /^https:\/\/hooks\.example\.com\/de und das zugehörige Zustellprotokoll löschen\?/ });
    await poll(() => page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Behalten');
    await screenshot(page, 'admin-webhooks-de');
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Endpunkt löschen' }).click();
    await poll(() => list.textContent()).toContain('https://hooks.example.com/de und das zugehörige Zustellprotokoll wurden gelöscht.');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, SLOW);

  it('shows the packs, a calendar and the webhooks in Brazilian Portuguese, accessible', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await openAdmin(page, suite.server.url, '/admin/policies', 'pt-BR');
    const twilio = page.getByRole('region', { name: 'Pacotes e suas versões' }).getByRole('article', { name: /Twilio/ });
    await poll(() => twilio.textContent()).toContain('Versão 2025-04, em vigor desde');
    const current = twilio.getByRole('group', { name: 'twilio, versão 2025-04' });
    expect(await current.textContent()).toContain('First response (primeira resposta), com pausa enquanto o ticket está aguardando resposta');
    expect(await current.getByRole('table', { name: 'Metas' }).locator('td[data-target="free/P1/first_response"]').textContent()).toBe('sem meta');
    const upload = page.getByRole('region', { name: 'Verificar um arquivo de pacote de políticas' });
    await upload.getByLabel('Arquivo do pacote').setInputFiles({ name: 'twilio.yaml', mimeType: 'text/yaml', buffer: Buffer.from(TWILIO_PACK) });
    await poll(() => upload.getByLabel('Ou cole o texto YAML').inputValue()).toBe(TWILIO_PACK);
    await upload.getByRole('button', { name: 'Verificar o pacote' }).click();
    await poll(() => upload.getByRole('status').textContent()).toContain('twilio.yaml é um pacote válido: Twilio (twilio), versões 2020-01, 2025-04');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${suite.server.url}/admin/calendars?locale=pt-BR`);
    const calendars = page.getByRole('region', { name: 'Horário de atendimento e feriados' });
    await calendars.getByLabel('Calendário').selectOption('twilio/twilio-business-hours');
    await poll(() => calendars.locator('.next-open').textContent()).toMatch(/^Aberto agora, até .+ America\/Los_Angeles \(.+\)\.$/);
    await poll(() => calendars.locator('td[data-date="2026-11-28"]').textContent()).toBe('28fechado');
    expect(await calendars.textContent()).toContain('11 dias fechados neste mês; feriados:');
    await screenshot(page, 'admin-calendar-month-pt-BR');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${suite.server.url}/admin/webhooks?locale=pt-BR`);
    const add = page.getByRole('region', { name: 'Adicionar um endpoint' });
    await add.getByRole('textbox', { name: /^URL/ }).fill('https://hooks.example.com/pt');
    await add.getByRole('button', { name: 'Adicionar o endpoint' }).click();
    const list = page.getByRole('region', { name: 'Endpoints de webhook', exact: true });
    const row = list.getByRole('row', { name: /hooks\.example\.com\/pt/ });
    await poll(() => row.locator('td').nth(1).textContent()).toBe('todos os eventos');
    await row.getByRole('button', { name: 'Desativar: https://hooks.example.com/pt' }).click();
    await poll(() => row.locator('td').nth(2).textContent()).toBe('inativo');
    expect(await list.textContent()).toContain('https://hooks.example.com/pt foi desativado; o registro dele é mantido.');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, SLOW);

  it('leaves no English on the policy, calendar and webhook pages under the pseudo-locale', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    const data = recordApiStrings(page);
    await openAdmin(page, suite.server.url, '/admin/policies', 'en-XA');
    await poll(() => page.locator('main article.pack').count()).toBeGreaterThan(0);
    await page.locator('#pack-text').fill(BROKEN_PACK);
    await page.locator('main form.stacked-form button[type="submit"]').click();
    await page.locator('li.problem-line').waitFor();
    expect(await englishLeftovers(page, data, { within: 'main section' })).toEqual([]);
    await page.locator('#pack-text').fill('');
    await page.locator('main form.stacked-form button[type="submit"]').click();
    await page.locator('#pack-error').waitFor();
    expect(await englishLeftovers(page, data, { within: 'main section' })).toEqual([]);

    await page.goto(`${suite.server.url}/admin/calendars?locale=en-XA`);
    await page.locator('#calendar-choice').selectOption('twilio/twilio-business-hours');
    await poll(() => page.locator('main td[data-date="2026-11-26"]').count()).toBe(1);
    await page.locator('.next-open').waitFor();
    expect(await englishLeftovers(page, data, { within: 'main section' })).toEqual([]);
    await page.locator('#calendar-choice').selectOption('twilio/24x7');
    await poll(() => page.locator('main .calendar-view').textContent()).toMatch(/Áļŵáýš/);
    expect(await englishLeftovers(page, data, { within: 'main section' })).toEqual([]);

    await page.goto(`${suite.server.url}/admin/webhooks?locale=en-XA`);
    await page.locator('#webhook-new-url').waitFor();
    await page.locator('main form.stacked-form button[type="submit"]').click();
    await page.locator('#webhook-new-url-error').waitFor();
    expect(await englishLeftovers(page, data, { within: 'main section' })).toEqual([]);
    await page.locator('#webhook-new-url').fill('https://hooks.example.com/xa');
    await page.locator('main form.stacked-form button[type="submit"]').click();
    await page.locator('.secret-value').waitFor();
    const row = page.locator('main table tbody tr').filter({ hasText: 'hooks.example.com/xa' });
    await row.getByRole('button').first().click();
    await page.locator('main section.deliveries .empty').waitFor();
    expect(await englishLeftovers(page, data, { within: 'main section' })).toEqual([]);
    await row.getByRole('button').nth(1).click();
    await page.locator('main .edit-box form').waitFor();
    await row.getByRole('button').nth(3).click();
    await page.locator('#confirm-delete-text').waitFor();
    expect(await englishLeftovers(page, data, { within: 'main section' })).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, SLOW);
});
