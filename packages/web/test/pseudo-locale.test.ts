/**
 * The whole desk under the pseudo-locale (`?locale=en-XA`): a customer, an agent and an admin sign
 * in and visit every page each can reach (every route of app/*Routes.tsx, a ticket, the new ticket
 * form with its intake fields, an error, an empty list, a page that does not exist). Every text a
 * person reads or hears must come from a catalog (accented and bracketed) or be data the page got
 * from the API; the test fails listing, page by page, each hard-coded English text it finds.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll } from './support/browser.js';
import { type ApiStrings, englishLeftovers, recordApiStrings } from './support/leftovers.js';
import { browserSuite } from './support/suite.js';

/** Wed 25 Nov 2026, 16:30 in Los Angeles. */
const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const PSEUDO = 'en-XA';
/** Dunmore Savings Bank: twilio Personalized, so its tickets offer escalation. */
const CUSTOMER = { email: 'evan@dunmore-bank.example', password: 'hourglass-customer' };
const AGENT = { email: 'lena.vogt@hourglass.example', password: 'hourglass-agent' };
const ADMIN = { email: 'admin@hourglass.example', password: 'hourglass-admin' };
const CUSTOMER_TICKET = 'Choppy audio on conference calls';
const MISSING_TICKET = '00000000-0000-4000-8000-000000000000';

function withLocale(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}locale=${PSEUDO}`;
}

/** The page has drawn what it loads (its heading, or the error it shows instead): no loading notice left, the network quiet. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1, main [role="alert"]').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle', { timeout: 15_000 });
  await poll(() => page.locator('.loading').count()).toBe(0);
}

/** Collects, page by page, the English each visited page still shows. */
class Tour {
  readonly found: Record<string, string[]> = {};
  constructor(
    readonly page: Page,
    readonly url: string,
    readonly data: ApiStrings,
  ) {}

  async visit(path: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
    try {
      await this.page.goto(`${this.url}${withLocale(path)}`);
      await settled(this.page);
    } catch (error) {
      this.record(path, [`the page did not finish loading: ${(error as Error).message.split('\n')[0]}`]);
      return;
    }
    await this.check(path, prepare);
  }

  /** Checks the page as it is now (after `prepare`, whose failure is reported too), under the name `label`. */
  async check(label: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
    if (prepare) {
      try {
        await prepare(this.page);
      } catch (error) {
        this.record(label, [`preparing the page failed: ${(error as Error).message.split('\n')[0]}`]);
      }
    }
    await this.page.waitForLoadState('networkidle');
    this.record(label, await englishLeftovers(this.page, this.data));
  }

  private record(label: string, texts: string[]): void {
    if (texts.length > 0) this.found[label] = [...(this.found[label] ?? []), ...texts];
  }
}

async function signInPseudo(tour: Tour, who: { email: string; password: string }): Promise<void> {
  const { page } = tour;
  await page.goto(`${tour.url}/login?locale=${PSEUDO}`);
  await page.locator('#login-email').waitFor();
  await tour.check('/login');
  await page.locator('#login-email').fill(who.email);
  await page.locator('#login-password').fill(who.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((address) => !address.pathname.startsWith('/login'));
  await settled(page);
}

/** Opens the first row's editor in the list on the page. */
async function editFirstRow(page: Page): Promise<void> {
  await page.locator('main table tbody tr').first().locator('button').first().click();
  await page.locator('main form').first().waitFor();
}

/** The id of the first ticket whose subject is `subject`, as the signed-in person's API lists it. */
async function ticketId(page: Page, url: string, subject: string): Promise<string> {
  const list = (await (await page.request.get(`${url}/api/v1/tickets?limit=100`)).json()) as { items: { id: string; subject: string }[] };
  const ticket = list.items.find((t) => t.subject === subject) ?? list.items[0];
  if (!ticket) throw new Error(`No ticket to visit for ${subject}.`);
  return ticket.id;
}

describe('the desk under the pseudo-locale', () => {
  const suite = browserSuite(NOW);

  it('finds hard-coded English and lets catalog texts, API data and dates through', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await page.setContent(
      `<html lang="en-XA"><head><title>[Ĥóúŕĝļášš one]</title></head><body>
        <h1>[Ṁý ţíçķéţš one two]</h1>
        <p>[Ŕéášóñ: A critical blocker one two three]</p>
        <p>[Ñóţé <span class="required">(óþţíóñáļ)</span> one two]</p>
        <p>[Ţĥéŕé íš ñóţĥíñĝ ĥéŕé. <a href="/">Ĝó ĥóɱé</a>. one two]</p>
        <p>Choppy audio on conference calls · P2 · 3h 5m</p>
        <p><time datetime="2026-11-25">Wed 25 Nov, 16:30</time> Wed 25 Nov</p>
        <button aria-label="Close the panel">[Çļóšé]</button>
        <input placeholder="e.g. P1">
        <select><option value="de" lang="de">Deutsch</option></select>
        <p>Status: [óþéñ]</p>
      </body></html>`,
    );
    expect(await englishLeftovers(page, ['Choppy audio on conference calls', 'A critical blocker', 'P2'])).toEqual([
      'text "Status:" in <p>',
      'aria-label "Close the panel" on <button>',
      'placeholder "e.g. P1" on <input>',
    ]);
    await context.close();
  });

  it('leaves no English on any page a customer reaches', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    const tour = new Tour(page, suite.server.url, recordApiStrings(page));
    await signInPseudo(tour, CUSTOMER);
    await tour.visit('/portal');
    const id = await ticketId(page, suite.server.url, CUSTOMER_TICKET);
    await tour.visit(`/portal/tickets/${id}`);
    await tour.check(`/portal/tickets/${id} (escalation form, reply refused)`, async (p) => {
      const escalate = p.locator('#escalation-heading ~ button');
      if ((await escalate.count()) > 0) {
        await escalate.first().click();
        await p.locator('#escalate-form-heading').waitFor();
        await p.locator('#escalate-form-heading ~ .actions button[type="submit"], form[aria-labelledby="escalate-form-heading"] button[type="submit"]').first().click();
        await p.locator('#escalation-reason-error').waitFor();
      }
      const send = p.locator('form.reply button[type="submit"]');
      if ((await send.count()) > 0) await send.first().click();
    });
    await tour.visit('/portal/new', async (p) => {
      const product = p.locator('#product');
      const options = await product.locator('option').evaluateAll((list) => list.map((o) => (o as unknown as { value: string }).value));
      await product.selectOption(options.includes('voice') ? 'voice' : options.find((v) => v !== '')!);
      await p.locator('[id^="intake-"]').first().waitFor();
      await p.locator('main form button[type="submit"]').first().click();
      await p.locator('.field-error, [role="alert"]').first().waitFor();
    });
    await tour.visit(`/portal/tickets/${MISSING_TICKET}`);
    await tour.visit('/portal?status=closed');
    await tour.visit('/nowhere');
    expect(tour.found).toEqual({});
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('leaves no English on any page an agent reaches', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    const tour = new Tour(page, suite.server.url, recordApiStrings(page));
    await signInPseudo(tour, AGENT);
    await tour.visit('/console');
    const id = await ticketId(page, suite.server.url, CUSTOMER_TICKET);
    await tour.visit(`/console/tickets/${id}`);
    await tour.visit('/console/suspended-mail');
    await tour.visit('/console/suspended-mail?status=all');
    await tour.visit('/console?q=no-ticket-says-this');
    await tour.visit(`/console/tickets/${MISSING_TICKET}`);
    await tour.visit('/admin');
    expect(tour.found).toEqual({});
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('leaves no English on any page an admin reaches', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    const tour = new Tour(page, suite.server.url, recordApiStrings(page));
    await signInPseudo(tour, ADMIN);
    await tour.visit('/admin');
    await tour.check('/admin (an account in its editor)', editFirstRow);
    await tour.visit('/admin/agents');
    await tour.check('/admin/agents (an agent in the editor)', editFirstRow);
    await tour.visit('/admin/policies', async (p) => {
      // The pack check with nothing chosen says what it needs.
      await p.locator('#pack-error').waitFor({ state: 'detached' });
      await p.locator('main section').last().locator('button[type="submit"]').click();
      await p.locator('#pack-error').waitFor();
    });
    await tour.visit('/admin/calendars', async (p) => {
      const calendar = p.locator('main select').first();
      const values = await calendar.locator('option').evaluateAll((list) => list.map((o) => (o as unknown as { value: string }).value).filter((v) => v !== ''));
      if (values[0]) await calendar.selectOption(values[0]);
      await poll(() => p.locator('main table').count()).toBeGreaterThan(0);
    });
    await tour.visit('/admin/webhooks', async (p) => {
      // The new endpoint's form, sent empty: its field errors.
      await p.locator('main form button[type="submit"]').last().click();
      await p.locator('main form .field-error').first().waitFor();
    });
    await tour.visit('/admin/nothing-here');
    await tour.visit('/console');
    expect(tour.found).toEqual({});
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
