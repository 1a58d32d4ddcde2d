import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSpan } from '../src/time/format.js';
import { launch, openPage, pageErrors, poll, screenshot, signIn } from './support/browser.js';
import { type RunningClockServer, startWebServer } from './support/web-server.js';

/**
 * The service runs on a demo clock far from the browser's (HOURGLASS_CLOCK=offset:…): Wed 8 Mar
 * 2028, 03:51 in Berlin, inside 360dialog standard's hours (Mon–Fri 02:00–22:00), and running.
 */
const SERVICE_START = Date.parse('2028-03-08T03:51:00+01:00');
const CUSTOMER = { email: 'riley@bluefin-apps.example', password: 'hourglass-customer' };

async function cookieOf(url: string, email: string, password: string): Promise<string> {
  const answer = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(answer.status).toBe(200);
  return answer.headers.get('set-cookie')!.split(';')[0]!;
}

async function serviceNow(url: string): Promise<number> {
  return ((await (await fetch(`${url}/api/v1/time`)).json()) as { now_ms: number }).now_ms;
}

describe("pages count on the service's clock", () => {
  let server: RunningClockServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(SERVICE_START, { running: true }), launch()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a countdown measured from the service clock, not the browser clock', async () => {
    const cookie = await cookieOf(server.url, CUSTOMER.email, CUSTOMER.password);
    const created = await fetch(`${server.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({ subject: 'Countdown on the demo clock', description: 'Which clock does the page count on?' }),
    });
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as { id: string; targets: { state: string; due_at: string | null }[] };
    const due = Date.parse(ticket.targets.find((t) => t.state === 'active')!.due_at!);

    // The browser keeps the machine's real clock, years before the service's.
    const { context, page } = await openPage(browser, Date.now(), { realClock: true });
    expect(Math.abs((await page.evaluate(() => Date.now())) - SERVICE_START)).toBeGreaterThan(300 * 86_400_000);
    await signIn(page, server.url, CUSTOMER.email, CUSTOMER.password);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.goto(`${server.url}/portal/tickets/${ticket.id}`);
    const shown = page.getByRole('region', { name: 'Response targets' }).locator('.due').first();
    await poll(() => shown.textContent()).toMatch(/^due in /);
    const text = (await shown.textContent())!;
    const after = await serviceNow(server.url);
    // What the service's clock says is left, read at some moment of the last half minute.
    const candidates = new Set(Array.from({ length: 31 }, (_, s) => `due in ${formatSpan(due - (after - s * 1000))}`));
    expect(candidates, `page shows "${text}"; due ${new Date(due).toISOString()}, service now ${new Date(after).toISOString()}`).toContain(text);
    await screenshot(page, 'service-clock-countdown');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('says a calendar is open inside its hours, even when its answer takes a while', async () => {
    const { context, page } = await openPage(browser, Date.now(), { realClock: true });
    await signIn(page, server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    // The service answers 1.5 s after the page asked: its "from" is later than the page's "now".
    await page.route('**/open-periods?days=14', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${server.url}/admin/calendars`);
    await page.getByLabel('Calendar').selectOption('360dialog/360dialog-standard');
    const status = page.locator('.next-open');
    await poll(() => status.textContent()).toMatch(/^(Open|Closed)/);
    expect(await status.textContent()).toMatch(/^Open now, until Wed 8 Mar, 22:00 Europe\/Berlin/);
    await screenshot(page, 'calendar-open-now');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
