/**
 * Escalation in other languages: a customer escalates in German (the address's choice) and a
 * partner through the growth manager in Brazilian Portuguese (his profile's), the form's own
 * refusals included, accessible in each; the agent reads the escalation in German; and under the
 * pseudo-locale the escalation panels hold no English: every text a catalog's or the service's data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { englishLeftovers, recordApiStrings } from './support/leftovers.js';
import { browserSuite } from './support/suite.js';

/** Wed 25 Nov 2026, 16:30 in Los Angeles. */
const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const PASSWORD = 'hourglass-customer';
/** Dunmore Savings Bank: twilio Personalized, escalation with a 1h response around the clock. */
const BANK = 'evan@dunmore-bank.example';
/** Fjordline Travel: 360dialog Gold partner with a growth manager; Gabriel's profile is pt-BR. */
const PARTNER = 'gabriel@fjordline-travel.example';
const AGENT = 'lena.vogt@hourglass.example';
const TICKET = 'Choppy audio on conference calls';

async function openTicket(page: Page, url: string, area: 'portal' | 'console', locale: string): Promise<void> {
  const list = (await (await page.request.get(`${url}/api/v1/tickets?limit=100`)).json()) as { items: { id: string; subject: string }[] };
  const ticket = list.items.find((t) => t.subject === TICKET)!;
  await page.goto(`${url}/${area}/tickets/${ticket.id}?locale=${locale}`);
}

describe('escalation in other languages', () => {
  const suite = browserSuite(NOW);

  it('lets a customer escalate in German, and the agent reads it in German', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, BANK, PASSWORD);
    await page.waitForURL((address) => address.pathname.startsWith('/portal'));
    await openTicket(page, suite.server.url, 'portal', 'de');
    const panel = page.getByRole('region', { name: 'Eskalation' });
    await panel.getByRole('button', { name: 'Eskalieren' }).click();
    const reasons = panel.getByRole('group', { name: 'Warum eskalieren Sie?' });
    await reasons.waitFor();
    expect(await panel.textContent()).toMatch(/Eine Antwort ist innerhalb von 1\s?(h|Std\.) fällig, rund um die Uhr gerechnet\./);
    await panel.getByRole('button', { name: 'Eskalation bestätigen' }).click();
    await poll(() => panel.locator('#escalation-reason-error').textContent()).toBe('Wählen Sie den Grund für die Eskalation.');
    expect(await seriousViolations(page)).toEqual([]);
    await reasons.getByRole('radio').first().check();
    await panel.getByLabel(/^Notiz/).fill('Die Bezahl-Hotline ist ausgefallen.');
    await panel.getByRole('button', { name: 'Eskalation bestätigen' }).click();
    await poll(() => panel.getByRole('status').textContent()).toBe('Das Ticket ist eskaliert; die Supportleitung wurde sofort benachrichtigt.');
    const text = async () => (await panel.textContent()) ?? '';
    await poll(text).toContain('An die Supportleitung eskaliert');
    expect(await text()).toContain('Notiz: Die Bezahl-Hotline ist ausgefallen.');
    expect(await text()).toMatch(/Ausgelöst von Ihnen, Mi\., 25\. Nov\., 16:30/);
    expect(await text()).toMatch(/Antwort innerhalb von 1\s?(h|Std\.), fällig am Mi\., 25\. Nov\., 17:30 America\/Los_Angeles \(.+\), rund um die Uhr gerechnet/);
    expect(await text()).toMatch(/wartet auf Antwort, fällig in (1\s?(h|Std\.)|\d+\s?(min|Min\.))/);
    expect(await text()).toContain('Das Ticket ist eskaliert und wartet auf die Antwort');
    await screenshot(page, 'customer-escalated-de');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    const staff = await openPage(suite.browser, NOW);
    await signIn(staff.page, suite.server.url, AGENT, 'hourglass-agent');
    await staff.page.waitForURL((address) => address.pathname.startsWith('/console'));
    await staff.page.goto(`${suite.server.url}/console?locale=de`);
    const row = staff.page.getByRole('row', { name: new RegExp(TICKET) });
    await poll(() => row.getByText('Eskaliert', { exact: true }).count()).toBe(1);
    await openTicket(staff.page, suite.server.url, 'console', 'de');
    const escalations = staff.page.getByRole('region', { name: 'Eskalationen' });
    await poll(() => escalations.textContent()).toContain('Ausgelöst von Evan Holloway');
    expect(await escalations.textContent()).toContain('Eine öffentliche Antwort beantwortet eine Eskalation.');
    expect(await seriousViolations(staff.page)).toEqual([]);
    expect(pageErrors(staff.page)).toEqual([]);
    await staff.context.close();
  }, 120_000);

  it("lets a partner escalate through the growth manager in his profile's Brazilian Portuguese", async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, PARTNER, PASSWORD);
    await page.getByRole('heading', { name: 'Meus tickets' }).waitFor();
    const created = await page.request.post(`${suite.server.url}/api/v1/tickets`, {
      headers: { origin: suite.server.url },
      data: { subject: 'Número parado em análise', description: 'Nosso segundo número está em análise há três dias.' },
    });
    expect(created.status()).toBe(201);
    const ticket = (await created.json()) as { id: string };
    await page.goto(`${suite.server.url}/portal/tickets/${ticket.id}`);
    const panel = page.getByRole('region', { name: 'Escalação' });
    await panel.getByRole('button', { name: 'Escalar' }).click();
    const why = panel.getByLabel('Por que o ticket precisa do seu gerente de crescimento');
    await panel.getByRole('button', { name: 'Confirmar a escalação' }).click();
    await poll(() => panel.locator('#escalation-reason-error').textContent()).toBe('Explique em poucas palavras por que o ticket precisa do seu gerente de crescimento.');
    expect(await panel.textContent()).toContain('Seu gerente de crescimento e a gestão do suporte são alertados imediatamente.');
    expect(await seriousViolations(page)).toEqual([]);
    await why.fill('O lançamento da nossa campanha no Brasil na segunda-feira depende deste número.');
    await panel.getByRole('button', { name: 'Confirmar a escalação' }).click();
    await poll(() => panel.textContent()).toContain('Pelo gerente de crescimento');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Motivo: O lançamento da nossa campanha');
    expect(text).toContain('Sem prazo de resposta.');
    expect(text).toContain('aguardando resposta (sem prazo de resposta)');
    expect(text).toMatch(/Solicitada por você, /);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('leaves no English in the escalation panels under the pseudo-locale', async () => {
    const customer = await openPage(suite.browser, NOW);
    const data = recordApiStrings(customer.page);
    await signIn(customer.page, suite.server.url, BANK, PASSWORD);
    await customer.page.waitForURL((address) => address.pathname.startsWith('/portal'));
    await openTicket(customer.page, suite.server.url, 'portal', 'en-XA');
    await poll(() => customer.page.locator('ul.escalations li').count()).toBeGreaterThan(0);
    await customer.page.waitForLoadState('networkidle');
    expect(await englishLeftovers(customer.page, data, { within: 'section[aria-labelledby="escalation-heading"]' })).toEqual([]);
    await customer.context.close();

    const staff = await openPage(suite.browser, NOW);
    const staffData = recordApiStrings(staff.page);
    await signIn(staff.page, suite.server.url, AGENT, 'hourglass-agent');
    await staff.page.waitForURL((address) => address.pathname.startsWith('/console'));
    await openTicket(staff.page, suite.server.url, 'console', 'en-XA');
    await poll(() => staff.page.locator('ul.escalations li').count()).toBeGreaterThan(0);
    await staff.page.waitForLoadState('networkidle');
    expect(await englishLeftovers(staff.page, staffData, { within: 'section[aria-labelledby="escalations-heading"]' })).toEqual([]);
    await staff.context.close();
  }, 120_000);
});
