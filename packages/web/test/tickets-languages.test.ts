/**
 * The ticket pages in other languages, in a browser: a customer files a ticket, replies and reads a
 * due time, and an agent works the queue, in German and Brazilian Portuguese, with no serious
 * accessibility problem; and under the pseudo-locale (`?locale=en-XA`) every text a person reads on
 * these pages is either a catalog text (accented and bracketed) or data the API sent.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, seriousViolations } from './support/browser.js';
import { type ApiStrings, englishLeftovers, recordApiStrings } from './support/leftovers.js';
import { browserSuite } from './support/suite.js';

/** Wed 25 Nov 2026, 16:30 in Los Angeles. */
const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const CUSTOMER = { email: 'riley@bluefin-apps.example', password: 'hourglass-customer' };
const AGENT = { email: 'lena.vogt@hourglass.example', password: 'hourglass-agent' };
const KNOWN_TICKET = 'Inbound SMS webhooks time out';

/** Signs in on the sign-in page shown in `locale` (the address chooses the language). */
async function signInIn(page: Page, url: string, locale: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/login?locale=${locale}`);
  await page.locator('#login-email').fill(who.email);
  await page.locator('#login-password').fill(who.password);
  await page.locator('form button[type="submit"]').click();
}

describe('ticket pages in German and Brazilian Portuguese, in a browser', () => {
  const suite = browserSuite(NOW);

  const portal = [
    {
      locale: 'de',
      list: { title: 'Meine Tickets', column: 'Antwort fällig', zone: 'Zeiten in Ihrer Zeitzone, America/Denver (', due: /fällig in \d/ },
      form: { title: 'Neues Ticket', subject: /^Betreff/, description: /^Beschreibung/, submit: 'Ticket eröffnen', subjectMissing: 'Geben Sie dem Ticket einen kurzen Betreff.' },
      ticket: { targets: 'Reaktionsziele', metric: 'Erste Antwort', due: 'Fällig ', conversation: 'Unterhaltung', reply: 'Ihre Antwort', send: 'Antwort senden', empty: 'Schreiben Sie eine Nachricht', sent: 'Antwort gesendet.' },
    },
    {
      locale: 'pt-BR',
      list: { title: 'Meus tickets', column: 'Resposta prevista', zone: 'Os horários estão no seu fuso, America/Denver (', due: /vence em \d/ },
      form: { title: 'Novo ticket', subject: /^Assunto/, description: /^Descrição/, submit: 'Abrir ticket', subjectMissing: 'Dê ao ticket um assunto curto.' },
      ticket: { targets: 'Metas de resposta', metric: 'Primeira resposta', due: 'Vence ', conversation: 'Conversa', reply: 'Sua resposta', send: 'Enviar resposta', empty: 'Escreva uma mensagem', sent: 'Resposta enviada.' },
    },
  ] as const;

  for (const words of portal) {
    it(`lets a customer file a ticket, reply and read a due time in ${words.locale}`, async () => {
      const { context, page } = await openPage(suite.browser, NOW);
      await signInIn(page, suite.server.url, words.locale, CUSTOMER);
      await page.getByRole('heading', { name: words.list.title }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(words.locale);
      const table = page.getByRole('table');
      await poll(() => table.textContent()).toContain(KNOWN_TICKET);
      expect(await page.getByRole('columnheader', { name: words.list.column }).count()).toBe(1);
      const main = (await page.textContent('main')) ?? '';
      expect(main).toContain(words.list.zone);
      expect(main).toMatch(words.list.due);
      expect(await seriousViolations(page)).toEqual([]);

      // File a ticket: an empty subject is refused at the field, in the language shown.
      await page.getByRole('link', { name: words.form.title }).first().click();
      await page.getByRole('heading', { name: words.form.title }).waitFor();
      await page.getByLabel(words.form.description).fill('Der Webhook antwortet nach 14 Sekunden.');
      await page.getByRole('button', { name: words.form.submit }).click();
      await poll(() => page.locator('#subject-error').textContent()).toBe(words.form.subjectMissing);
      expect(await seriousViolations(page)).toEqual([]);
      const subject = `Webhook ${words.locale} ${Date.now()}`;
      await page.getByLabel(words.form.subject).fill(subject);
      await page.getByRole('button', { name: words.form.submit }).click();
      await page.getByRole('heading', { name: subject }).waitFor();
      expect(await page.title()).toContain(subject);

      // Reply: an empty reply is refused, a real one shows in the conversation.
      await page.getByRole('button', { name: words.ticket.send }).click();
      await poll(() => page.locator('#reply-body-error').textContent()).toContain(words.ticket.empty);
      await page.getByLabel(words.ticket.reply).fill('Auch auf unserer zweiten Nummer.');
      await page.getByRole('button', { name: words.ticket.send }).click();
      await poll(() => page.getByRole('region', { name: words.ticket.conversation }).textContent()).toContain('Auch auf unserer zweiten Nummer.');
      await poll(() => page.getByRole('status').filter({ hasText: words.ticket.sent }).count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);

      // Read a due time: the known ticket's first response, with its time and zone.
      await page.goto(`${suite.server.url}/portal?locale=${words.locale}`);
      await page.getByRole('link', { name: new RegExp(KNOWN_TICKET) }).click();
      const targets = page.getByRole('region', { name: words.ticket.targets });
      await poll(() => targets.textContent()).toContain(words.ticket.metric);
      expect(await targets.textContent()).toContain(words.ticket.due);
      expect(await targets.textContent()).toContain('America/Denver (');
      expect(await seriousViolations(page)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }, 120_000);
  }

  const queue = [
    { locale: 'de', title: 'Warteschlange', column: 'Zeit bis zur Überschreitung', assignee: 'Zuständig', mine: 'Meine', empty: 'Keine Tickets entsprechen diesen Filtern.', pending: 'Wartend (auf den Kunden)', views: 'Gespeicherte Ansichten', work: 'Ticket bearbeiten' },
    { locale: 'pt-BR', title: 'Fila', column: 'Tempo até o prazo', assignee: 'Responsável', mine: 'Meus', empty: 'Nenhum ticket corresponde a estes filtros.', pending: 'Pendente (aguardando o cliente)', views: 'Visualizações salvas', work: 'Trabalhar no ticket' },
  ] as const;

  for (const words of queue) {
    it(`shows an agent the queue and a ticket's workspace in ${words.locale}`, async () => {
      const { context, page } = await openPage(suite.browser, NOW);
      await signInIn(page, suite.server.url, words.locale, AGENT);
      await page.getByRole('heading', { name: words.title, exact: true }).waitFor();
      await poll(() => page.getByRole('table').textContent()).toContain(KNOWN_TICKET);
      expect(await page.getByRole('columnheader', { name: words.column }).count()).toBe(1);
      expect(await page.getByRole('region', { name: words.views }).count()).toBe(1);
      expect(await page.locator('#f-status option').allTextContents()).toContain(words.pending);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel(words.assignee).selectOption({ label: words.mine });
      await poll(() => page.textContent('main')).toContain(words.empty);
      await page.getByLabel(words.assignee).selectOption('');

      // Switching the language rewords the rows in place, statuses included.
      const other = words.locale === 'de' ? queue[1] : queue[0];
      await page.locator('.language-switcher select').selectOption(other.locale);
      await page.getByRole('heading', { name: other.title, exact: true }).waitFor();
      await poll(() => page.locator('table.queue tbody tr .status').allTextContents()).toContain(other.pending);
      expect(await page.locator('table.queue tbody tr .status').allTextContents()).not.toContain(words.pending);
      await page.locator('.language-switcher select').selectOption(words.locale);
      await page.getByRole('heading', { name: words.title, exact: true }).waitFor();

      await page.getByRole('link', { name: new RegExp(KNOWN_TICKET) }).click();
      await page.getByRole('heading', { name: words.work }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it('leaves no English text on the ticket pages under the pseudo-locale', async () => {
    const customer = await openPage(suite.browser, NOW);
    const customerData = recordApiStrings(customer.page);
    const check = async (page: Page, data: ApiStrings, where: string) => {
      expect(await englishLeftovers(page, data), where).toEqual([]);
    };
    await signInIn(customer.page, suite.server.url, 'en-XA', CUSTOMER);
    const table = customer.page.getByRole('table');
    await poll(() => table.textContent()).toContain(KNOWN_TICKET);
    await check(customer.page, customerData, 'the ticket list');
    await customer.page.getByRole('link', { name: new RegExp(KNOWN_TICKET) }).click();
    await poll(() => customer.page.locator('.targets').count()).toBe(1);
    await poll(() => customer.page.locator('.explain, .comments, .attachments').count()).toBeGreaterThan(0);
    await check(customer.page, customerData, 'the ticket page');
    await customer.page.goto(`${suite.server.url}/portal/new?locale=en-XA`);
    await customer.page.locator('#subject').waitFor();
    await check(customer.page, customerData, 'the new ticket page');
    await customer.context.close();

    const agent = await openPage(suite.browser, NOW);
    const agentData = recordApiStrings(agent.page);
    await signInIn(agent.page, suite.server.url, 'en-XA', AGENT);
    await poll(() => agent.page.getByRole('table').textContent()).toContain(KNOWN_TICKET);
    await check(agent.page, agentData, 'the queue');
    await agent.page.getByRole('link', { name: new RegExp(KNOWN_TICKET) }).click();
    await poll(() => agent.page.locator('.history li').count()).toBeGreaterThan(0);
    await check(agent.page, agentData, 'the workspace');
    // The check itself sees hard-coded English, in a text and in an attribute.
    await agent.page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<p>Hard-coded words</p><button aria-label="Close the panel">×</button>')`);
    expect(await englishLeftovers(agent.page, agentData, { within: 'main' })).toEqual(['text "Hard-coded words" in <p>', 'aria-label "Close the panel" on <button>']);
    await agent.context.close();
  }, 120_000);
});
