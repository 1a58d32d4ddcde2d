import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openPage, pageErrors, poll, SCREENSHOTS, screenshot, seriousViolations, signIn } from './support/browser.js';
import { openTickets } from './support/many-tickets.js';
import { browserSuite } from './support/suite.js';

/** Tue 1 Dec 2026, 10:00 in Berlin: inside 360dialog standard's hours (Mon–Fri 02:00–22:00). */
const NOW = Date.parse('2026-12-01T10:00:00+01:00');
const HOUR = 3_600_000;
const PASSWORD = 'hourglass-customer';
const RILEY = 'riley@bluefin-apps.example'; // twilio bootstrap
const FRIEDA = 'frieda@elmtree-retail.example'; // 360dialog standard
const DANA = 'dana@cobalt-freight.example'; // twilio premium

type Json = Record<string, unknown>;

/** The API as the person signed in on `page` (its cookies), from the page's own origin. */
async function apiGet<T = Json>(page: Page, url: string, path: string): Promise<T> {
  const answer = await page.request.get(`${url}${path}`);
  expect(answer.status(), `${path}: ${await answer.text()}`).toBe(200);
  return (await answer.json()) as T;
}

async function signInHere(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('promises the portal makes, in a browser', () => {
  const suite = browserSuite(NOW);

  it('opens exactly one ticket when the answer to the first attempt is lost and the customer sends again', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, RILEY, PASSWORD);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.goto(`${suite.server.url}/portal/new`);
    await page.getByLabel(/^Subject/).fill('Lost answer, one ticket');
    await page.getByLabel('Description', { exact: false }).first().fill('The network dropped the answer to my first attempt.');

    const keys: (string | null)[] = [];
    let attempts = 0;
    await page.route('**/api/v1/tickets', async (route) => {
      const request: Request = route.request();
      if (request.method() !== 'POST') return route.continue();
      keys.push(request.headers()['idempotency-key'] ?? null);
      attempts++;
      if (attempts === 1) {
        // The service gets the request and opens the ticket, but its answer never reaches the browser.
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await poll(() => page.getByRole('alert').first().textContent()).toContain('the ticket may or may not be open. Press “Open ticket” again: it will not be opened twice.');
    await screenshot(page, 'new-ticket-answer-lost');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByRole('heading', { name: /Lost answer, one ticket/ }).waitFor();

    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    const found = await apiGet<{ items: { subject: string }[] }>(page, suite.server.url, `/api/v1/tickets?q=${encodeURIComponent('Lost answer')}`);
    expect(found.items.filter((t) => t.subject === 'Lost answer, one ticket')).toHaveLength(1);

    // A new ticket afterwards is a new action, with a new key.
    await page.goto(`${suite.server.url}/portal/new`);
    await page.getByLabel(/^Subject/).fill('A second, separate ticket');
    await page.getByLabel('Description', { exact: false }).first().fill('Another question.');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByRole('heading', { name: /A second, separate ticket/ }).waitFor();
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('returns to the page that asked for the sign-in, and never to another site', async () => {
    const { context: setup, page: staff } = await openPage(suite.browser, NOW);
    await signIn(staff, suite.server.url, 'lena.vogt@hourglass.example', 'hourglass-agent');
    await staff.getByRole('heading', { name: 'Queue' }).waitFor();
    const ticket = (await apiGet<{ items: { id: string; number: number; subject: string }[] }>(staff, suite.server.url, '/api/v1/queue?limit=1')).items[0]!;
    await setup.close();

    // A deep link from a notification, opened while signed out.
    const { context, page } = await openPage(suite.browser, NOW);
    await page.goto(`${suite.server.url}/console/tickets/${ticket.id}`);
    await page.getByRole('heading', { name: 'Sign in to Hourglass' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/console/tickets/${ticket.id}`);
    await signInHere(page, 'lena.vogt@hourglass.example', 'hourglass-agent');
    await page.getByRole('heading', { name: `#${ticket.number} ${ticket.subject}` }).waitFor();
    expect(page.url()).toBe(`${suite.server.url}/console/tickets/${ticket.id}`);

    // The session ends while the page is open: the next page asks to sign in, then comes back.
    await context.clearCookies();
    await page.getByRole('link', { name: '← Queue' }).click();
    await page.getByRole('heading', { name: 'Sign in to Hourglass' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console');
    await signInHere(page, 'lena.vogt@hourglass.example', 'hourglass-agent');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    expect(page.url()).toBe(`${suite.server.url}/console`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    for (const next of ['//evil.example/console', 'https://evil.example/', '/\\evil.example']) {
      const { context: other, page: visitor } = await openPage(suite.browser, NOW);
      await visitor.goto(`${suite.server.url}/login?next=${encodeURIComponent(next)}`);
      await signInHere(visitor, RILEY, PASSWORD);
      await visitor.getByRole('heading', { name: 'My tickets' }).waitFor();
      expect(visitor.url(), next).toBe(`${suite.server.url}/portal`);
      await other.close();
    }
  });

  it('lists the missing details in words, lets the customer add them, and starts the clock then', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    // Frieda's profile is German; this test reads the English texts (the address's language holds for the visit).
    await page.goto(`${suite.server.url}/login?locale=en`);
    await signIn(page, suite.server.url, FRIEDA, PASSWORD);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.goto(`${suite.server.url}/portal/new`);
    await page.getByLabel(/^Subject/).fill('Messages to Germany are not delivered');
    await page.getByLabel('Product', { exact: true }).selectOption({ label: 'Sending or receiving messages' });
    await page.getByLabel(/What happens and since when/).fill('Since this morning nothing reaches German numbers.');
    await page.getByLabel(/Business phone number/).fill('+49 30 5555 0100');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByRole('heading', { name: /Messages to Germany are not delivered/ }).waitFor();
    const ticketId = page.url().split('/').at(-1)!;

    const panel = page.getByRole('region', { name: 'Details needed' });
    await poll(() => panel.textContent()).toContain('The response time starts counting once these details are complete');
    const missing = await panel.locator('.intake-missing li strong').allTextContents();
    expect(missing).toEqual(['Example message IDs', 'When the example messages were sent']);
    const targets = page.getByRole('region', { name: 'Response targets' });
    expect(await targets.textContent()).toContain('starts when the details are complete');
    await screenshot(page, 'customer-intake-missing');
    expect(await seriousViolations(page)).toEqual([]);

    // An hour later the customer comes back with the details.
    // (The page learns the service's new time when it loads again.)
    suite.server.clock.advance(HOUR);
    await page.reload();
    await poll(() => panel.textContent()).toContain('Example message IDs');
    // Too old first: refused at the field, in words.
    await panel.getByLabel(/Example message IDs/).fill('wamid.HBgLNDkzMDU1NTUwMTAwFQIAERgS, wamid.HBgLNDkzMDU1NTUwMTAwFQIAERgT');
    await panel.getByLabel(/When the example messages were sent/).fill('2026-11-20T09:00');
    await panel.getByRole('button', { name: 'Save the details' }).click();
    await poll(() => panel.locator('#intake-occurred_at-error').textContent()).toMatch(/old/);
    await panel.getByLabel(/When the example messages were sent/).fill('2026-12-01T01:30');
    await panel.getByRole('button', { name: 'Save the details' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'the details are complete' }).count()).toBe(1);
    await poll(() => panel.count()).toBe(0);
    // Standard: 24 h of Berlin business time from Tue 11:00 → Wed 15:00, 28 hours away.
    await poll(() => targets.locator('.due').first().textContent()).toMatch(/^due in 1d (4h|3h 59m)$/);
    const ticket = await apiGet<{ intake_complete: boolean; intake_completed_at: string; targets: { started_at: string | null }[] }>(page, suite.server.url, `/api/v1/tickets/${ticketId}`);
    expect(ticket).toMatchObject({ intake_complete: true, intake_completed_at: new Date(NOW + HOUR).toISOString() });
    expect(ticket.targets[0]!.started_at).toBe(new Date(NOW + HOUR).toISOString());
    await screenshot(page, 'customer-intake-completed');
    expect(pageErrors(page)).toEqual([]);
    suite.server.clock.set(NOW);
    await context.close();
  });

  it('says in words that a ticket without a topic waits for one, and lets the customer choose it', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    // Frieda's profile is German; this test reads the English texts (the address's language holds for the visit).
    await page.goto(`${suite.server.url}/login?locale=en`);
    await signIn(page, suite.server.url, FRIEDA, PASSWORD);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.goto(`${suite.server.url}/portal/new`);
    expect(await page.getByLabel('Product', { exact: true }).locator('option').first().textContent()).toContain('the response time starts once you choose a topic');
    await page.getByLabel(/^Subject/).fill('Our number migration stopped');
    await page.getByLabel('Description', { exact: false }).first().fill('The porting of +49 30 5555 0142 stopped at verification.');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByRole('heading', { name: /Our number migration stopped/ }).waitFor();
    const notes = page.getByRole('status').filter({ hasText: 'Some notes on the details you gave' });
    expect(await notes.textContent()).toContain('Number porting (migration)');
    expect(await notes.textContent()).not.toContain('number_porting');

    const panel = page.getByRole('region', { name: 'Details needed' });
    await poll(() => panel.locator('.intake-missing').textContent()).toContain('What the ticket is about');

    // The agent sees the same gap, in the same words, in the console.
    const { context: staffContext, page: staff } = await openPage(suite.browser, NOW);
    await signIn(staff, suite.server.url, 'lena.vogt@hourglass.example', 'hourglass-agent');
    await staff.getByRole('heading', { name: 'Queue' }).waitFor();
    await staff.goto(page.url().replace('/portal/', '/console/'));
    const staffPanel = staff.getByRole('region', { name: 'Details needed' });
    await poll(() => staffPanel.locator('.intake-missing').textContent()).toContain('What the ticket is about');
    expect(await staffPanel.getByLabel('What the ticket is about').locator('option').allTextContents()).toContain('Number porting (migration)');
    await screenshot(staff, 'agent-intake-missing');
    expect(await seriousViolations(staff)).toEqual([]);
    await staffContext.close();
    await panel.getByLabel('What the ticket is about').selectOption({ label: 'Number porting (migration)' });
    await panel.getByLabel(/Phone number being migrated/).fill('+49 30 5555 0142');
    await panel.getByLabel(/Previous provider/).fill('Example Telecom');
    expect(await panel.getByLabel(/What happens/).inputValue()).toContain('stopped at verification');
    await screenshot(page, 'customer-intake-topic');
    await panel.getByRole('button', { name: 'Save the details' }).click();
    await poll(() => panel.count()).toBe(0);
    await poll(() => page.getByRole('region', { name: 'Response targets' }).locator('.due').first().textContent()).toMatch(/^due in /);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('pages through more than a hundred tickets down to the oldest', async () => {
    const opened = await openTickets(suite.server.url, { email: DANA, password: PASSWORD }, 120);
    expect(opened).toBe(120);
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, DANA, PASSWORD);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    // Every ticket of the account, through the API's pages.
    const all: { number: number }[] = [];
    let cursor: string | null = null;
    do {
      const page_: { items: { number: number }[]; next_cursor: string | null } = await apiGet(page, suite.server.url, `/api/v1/tickets?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page_.items);
      cursor = page_.next_cursor;
    } while (cursor);
    expect(all.length).toBeGreaterThan(120);

    const rows = page.locator('table.tickets tbody tr');
    await poll(() => rows.count()).toBe(50);
    const paging = page.locator('.list-paging');
    expect(await paging.textContent()).toContain('Showing the newest 50 tickets; older ones follow.');
    await paging.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'customer-ticket-list-more.png') });
    while ((await page.getByRole('button', { name: /older tickets/ }).count()) > 0) {
      const before = await rows.count();
      await page.getByRole('button', { name: /older tickets/ }).click();
      await poll(() => rows.count()).toBeGreaterThan(before);
    }
    expect(await rows.count()).toBe(all.length);
    expect(await paging.textContent()).toContain(`Showing all ${all.length} tickets.`);
    const numbers = (await page.locator('table.tickets tbody tr td:first-child a').allTextContents()).map((t) => Number(/^#(\d+)/.exec(t)![1]));
    expect(new Set(numbers).size).toBe(all.length);
    expect(numbers).toEqual(all.map((t) => t.number));
    await screenshot(page, 'customer-ticket-list-paged');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
