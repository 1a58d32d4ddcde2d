import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { openTickets } from './support/many-tickets.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

/** A local webhook receiver: answers each request with the next status of `statuses` (the last one repeats). */
async function startReceiver(statuses: number[]) {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]!, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hourglass`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('admin webhooks, agents and plan targets in a browser', () => {
  let server: WebServer;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    // The receiver listens on loopback: the operator's allow-list is what lets webhooks reach it.
    process.env.HOURGLASS_WEBHOOK_ALLOW = '127.0.0.1';
    [server, browser, receiver] = await Promise.all([startWebServer(NOW), launch(), startReceiver([503, 200])]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('adds a webhook (bad URL refused at the field, secret shown once) and shows its delivery log as a ticket event is retried and delivered', async () => {
    const { context, page } = await openPage(browser, NOW);
    await signIn(page, server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    const list = page.getByRole('region', { name: 'Webhook endpoints' });
    await poll(() => list.textContent()).toContain('No webhook endpoints yet');
    const add = page.getByRole('region', { name: 'Add an endpoint' });
    const url = add.getByRole('textbox', { name: /^URL/ });

    // Empty, then malformed, then a scheme the service refuses: each message at the URL field.
    await add.getByRole('button', { name: 'Add the endpoint' }).click();
    await poll(() => add.locator('#webhook-new-url-error').textContent()).toContain('Give the address that receives the events');
    await url.fill('hooks.example.com/hourglass');
    await add.getByRole('button', { name: 'Add the endpoint' }).click();
    await poll(() => add.locator('#webhook-new-url-error').textContent()).toContain('Must be an absolute URL such as https://example.com/hooks/hourglass.');
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await url.getAttribute('aria-describedby')).toContain('webhook-new-url-error');
    await url.fill('ftp://hooks.example.com/hourglass');
    await add.getByRole('button', { name: 'Add the endpoint' }).click();
    await poll(() => add.locator('#webhook-new-url-error').textContent()).toBe('Must use https (or http for local testing).');
    // An internal address (here the cloud metadata service) is refused at the field, saying what to do.
    await url.fill('http://169.254.169.254/latest/meta-data/');
    await add.getByRole('button', { name: 'Add the endpoint' }).click();
    await poll(() => add.locator('#webhook-new-url-error').textContent()).toContain('Must be a public address: 169.254.169.254 is a link-local address');
    expect(await add.locator('#webhook-new-url-error').textContent()).toContain('HOURGLASS_WEBHOOK_ALLOW');
    await screenshot(page, 'admin-webhook-bad-url');
    expect(await seriousViolations(page)).toEqual([]);

    await url.fill(receiver.url);
    await add.getByLabel('Description').fill('Ticket feed');
    await add.getByRole('checkbox', { name: /ticket_created/ }).check();
    await add.getByRole('button', { name: 'Add the endpoint' }).click();
    const secret = list.getByRole('status');
    await poll(() => secret.textContent()).toContain(`${receiver.url} is added.`);
    expect(await secret.locator('.secret-value').textContent()).toMatch(/^whsec_[\w-]{20,}$/);
    expect(await add.locator('#webhook-new-url-error').count()).toBe(0);
    expect(await url.inputValue()).toBe('');
    const row = list.getByRole('row', { name: /Ticket feed/ });
    expect(await row.textContent()).toContain('ticket_createdactive');
    await secret.getByRole('button', { name: 'I have stored the secret' }).click();
    expect(await list.locator('.secret-value').count()).toBe(0);

    // A customer opens a ticket: the receiver answers 503 first, so the delivery is retried.
    await openTickets(server.url, { email: 'dana@cobalt-freight.example', password: 'hourglass-customer' }, 1, 1);
    await poll(() => receiver.received.length).toBe(1);
    expect(receiver.received[0]!.headers['hourglass-signature']).toBeTruthy();
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'ticket_created' });
    await row.getByRole('button', { name: `Delivery log: ${receiver.url}` }).click();
    const log = list.getByRole('region', { name: `Delivery log of ${receiver.url}` });
    await log.waitFor();
    const delivery = log.getByRole('row', { name: /ticket_created/ });
    await poll(async () => {
      if ((await delivery.count()) === 0) await log.getByRole('button', { name: 'Refresh the log' }).click();
      return delivery.count();
    }).toBe(1);
    // The admin's zone is UTC (the browser's is America/Denver): times are in the viewer's zone.
    await poll(() => delivery.locator('td').allTextContents()).toEqual([
      expect.stringMatching(/^ticket_created evt_\d+$/),
      'retrying',
      '1',
      'HTTP 503',
      'Thu 26 Nov, 00:30 UTC',
      'Thu 26 Nov, 00:30 UTC',
    ]);
    await screenshot(page, 'admin-webhook-retrying');
    expect(await seriousViolations(page)).toEqual([]);

    // The retry falls due (8–12 s later), the receiver answers 200: delivered after two attempts.
    server.clock.advance(15_000);
    await poll(() => receiver.received.length).toBe(2);
    await poll(async () => {
      await log.getByRole('button', { name: 'Refresh the log' }).click();
      return delivery.locator('td').allTextContents();
    }).toEqual([expect.stringMatching(/^ticket_created/), 'delivered', '2', 'HTTP 200', 'Thu 26 Nov, 00:30 UTC', 'none']);
    await screenshot(page, 'admin-webhook-delivered');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('edits, deactivates and deletes a webhook with confirmation, with errors at the field', async () => {
    const { context, page } = await openPage(browser, NOW);
    await signIn(page, server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.goto(`${server.url}/admin/webhooks`);
    const list = page.getByRole('region', { name: 'Webhook endpoints' });
    const add = page.getByRole('region', { name: 'Add an endpoint' });
    await add.getByRole('textbox', { name: /^URL/ }).fill('https://hooks.example.com/second');
    await add.getByRole('button', { name: 'Add the endpoint' }).click();
    const row = list.getByRole('row', { name: /hooks\.example\.com\/second/ });
    await poll(() => row.textContent()).toContain('every eventactive');

    await row.getByRole('button', { name: 'Edit: https://hooks.example.com/second' }).click();
    const edit = list.getByRole('form', { name: 'Change https://hooks.example.com/second' });
    const editUrl = edit.getByRole('textbox', { name: /^URL/ });
    await editUrl.fill('not a url');
    await edit.getByRole('button', { name: 'Save the endpoint' }).click();
    await poll(() => edit.locator('.field-error').first().textContent()).toContain('Must be an absolute URL');
    expect(await editUrl.getAttribute('aria-invalid')).toBe('true');
    await editUrl.fill('https://hooks.example.com/renamed');
    await edit.getByRole('checkbox', { name: /^breached / }).check();
    await edit.getByRole('button', { name: 'Save the endpoint' }).click();
    const renamed = list.getByRole('row', { name: /hooks\.example\.com\/renamed/ });
    await poll(() => renamed.textContent()).toContain('breachedactive');
    expect(await list.textContent()).toContain('https://hooks.example.com/renamed is saved.');

    await renamed.getByRole('button', { name: 'Deactivate: https://hooks.example.com/renamed' }).click();
    await poll(() => renamed.textContent()).toContain('breachedinactive');
    expect(await renamed.getByRole('button', { name: /^Activate/ }).count()).toBe(1);

    await renamed.getByRole('button', { name: 'Delete: https://hooks.example.com/renamed' }).click();
    const confirm = list.getByRole('group', { name: /Delete https:\/\/hooks\.example\.com\/renamed and its delivery log\?/ });
    await confirm.waitFor();
    // The safe choice has the focus; keeping it leaves the endpoint.
    await poll(() => page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Keep it');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await confirm.count()).toBe(0);
    expect(await renamed.count()).toBe(1);
    await renamed.getByRole('button', { name: /^Delete/ }).click();
    await confirm.getByRole('button', { name: 'Delete the endpoint' }).click();
    await poll(() => renamed.count()).toBe(0);
    expect(await list.textContent()).toContain('https://hooks.example.com/renamed and its delivery log are deleted.');
    const left = (await (await page.request.get(`${server.url}/api/v1/webhooks`)).json()) as { items: { url: string }[] };
    expect(left.items.map((w) => w.url)).not.toContain('https://hooks.example.com/renamed');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("edits an agent's presence, zone, weekly hours and languages and an out-of-office range, with errors at the field", async () => {
    const { context, page } = await openPage(browser, NOW);
    await signIn(page, server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    expect(await page.getByRole('region', { name: 'Agents and their hours' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Agents' }).click();
    const agents = page.getByRole('region', { name: 'Agents and their hours' });
    const lena = agents.getByRole('row', { name: /Lena Vogt/ });
    await poll(() => lena.locator('td').allTextContents()).toEqual([
      'Lena Vogt',
      'agent',
      'Europe/Berlin (GMT+1)',
      'available',
      'Mon–Fri 09:00–18:00',
      'off now (09:00–18:00 Europe/Berlin, it is 01:30)',
      'en, de',
      expect.any(String),
      'Edit',
    ]);
    await lena.getByRole('button', { name: 'Edit Lena Vogt' }).click();
    const editor = page.getByRole('region', { name: 'Lena Vogt: presence, zone, hours, languages and teams' });
    const form = editor.getByRole('form', { name: 'Change Lena Vogt' });
    await poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('agent-presence');

    // Hours the app cannot read are refused at their day, before anything is sent.
    await form.getByLabel('Thursday').fill('01:00-25:00');
    await form.getByLabel('Languages').fill('');
    await form.getByRole('button', { name: 'Save Lena Vogt' }).click();
    await poll(() => form.locator('#agent-hours-thu-error').textContent()).toBe('"01:00-25:00" has a time that does not exist; use 00:00 to 24:00.');
    expect(await form.getByLabel('Thursday').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#agent-languages-error').textContent()).toBe('Give at least one language code, such as en.');
    // A zone the service does not know is refused by it, at the zone field.
    await form.getByLabel('Thursday').fill('00:00–12:00');
    await form.getByLabel('Languages').fill('en, de, fr');
    await form.getByLabel('Time zone').fill('Europe/Atlantis');
    await form.getByRole('button', { name: 'Save Lena Vogt' }).click();
    await poll(() => form.locator('#agent-zone-error').textContent()).toBe('Must be an IANA time zone such as Europe/Berlin or America/Los_Angeles.');
    expect(await form.locator('#agent-hours-thu-error').count()).toBe(0);
    await screenshot(page, 'admin-agent-errors');
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel('Time zone').fill('Europe/Berlin');
    await form.getByLabel('Presence').selectOption('away');
    await form.getByRole('button', { name: 'Save Lena Vogt' }).click();
    await poll(() => agents.textContent()).toContain("Lena Vogt's changes are saved.");
    // Thursday 01:30 in Berlin is now inside her hours.
    expect(await lena.locator('td').allTextContents()).toEqual([
      'Lena Vogt',
      'agent',
      'Europe/Berlin (GMT+1)',
      'away',
      'Mon–Wed 09:00–18:00; Thu 00:00–12:00; Fri 09:00–18:00',
      'working now (00:00–12:00 Europe/Berlin, it is 01:30)',
      'en, de, fr',
      expect.any(String),
      'Edit',
    ]);
    await page.reload();
    await poll(() => lena.locator('td').nth(3).textContent()).toBe('away');
    expect(await lena.locator('td').nth(6).textContent()).toBe('en, de, fr');

    // Out of office, entered in Lena's zone: an end before the start is refused at the field.
    await lena.getByRole('button', { name: 'Edit Lena Vogt' }).click();
    const ooo = editor.getByRole('group', { name: 'Out of office' });
    await poll(() => ooo.textContent()).toContain('No out-of-office ranges.');
    await ooo.getByLabel(/Away from/).fill('2026-12-07T09:00');
    await ooo.getByLabel(/Back at/).fill('2026-12-01T09:00');
    await ooo.getByRole('button', { name: 'Add the range' }).click();
    await poll(() => ooo.locator('#ooo-ends-error').textContent()).toBe('Must be after starts_at.');
    await ooo.getByLabel(/Back at/).fill('2026-12-11T18:00');
    await ooo.getByLabel('Note').fill('Conference');
    await ooo.getByRole('button', { name: 'Add the range' }).click();
    await poll(() => ooo.getByRole('listitem').first().textContent()).toContain('Mon 7 Dec, 09:00 – Fri 11 Dec, 18:00 Europe/Berlin (GMT+1) (Conference)');
    await screenshot(page, 'admin-agent-out-of-office');
    expect(await seriousViolations(page)).toEqual([]);
    const ranges = await (await page.request.get(`${server.url}/api/v1/users/${await lenaId(page, server.url)}/out-of-office`)).json();
    expect(ranges.items.map((r: { starts_at: string; ends_at: string }) => [r.starts_at, r.ends_at])).toEqual([['2026-12-07T08:00:00.000Z', '2026-12-11T17:00:00.000Z']]);
    await ooo.getByRole('button', { name: /^Remove/ }).click();
    await poll(() => ooo.textContent()).toContain('No out-of-office ranges.');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the targets of the selected pack version: plan × priority × metric, with duration and calendar or no target', async () => {
    const { context, page } = await openPage(browser, NOW);
    await signIn(page, server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.goto(`${server.url}/admin/policies`);
    const twilio = page.getByRole('region', { name: 'Packs and their versions' }).getByRole('article', { name: /Twilio/ });
    const current = twilio.getByRole('group', { name: 'twilio version 2025-04' });
    const targets = current.getByRole('table', { name: 'Targets' });
    const cell = (plan: string, priority: string) => targets.locator(`td[data-target="${plan}/${priority}/first_response"]`);
    await poll(() => cell('premium', 'P1').textContent()).toBe('1h on Around the clock');
    const business = 'Business hours (Mon–Fri 06:00–18:00 US Pacific, major US holidays closed)';
    expect(await cell('premium', 'P2').textContent()).toBe(`2h on ${business}`);
    expect(await cell('bootstrap', 'P3').textContent()).toBe(`8h on ${business}`);
    expect(await cell('free', 'P1').textContent()).toBe('no target');
    expect(await targets.getByRole('columnheader').allTextContents()).toEqual(['Plan', 'Priority', 'First response']);
    expect(await targets.getByRole('rowheader', { name: 'Premium' }).count()).toBe(1);
    await screenshot(page, 'admin-plan-targets');
    expect(await seriousViolations(page)).toEqual([]);
    await twilio.getByLabel('Show version').selectOption('2020-01');
    const older = twilio.getByRole('group', { name: 'twilio version 2020-01' }).getByRole('table', { name: 'Targets' });
    await poll(() => older.locator('td').count()).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

async function lenaId(page: import('playwright-core').Page, url: string): Promise<string> {
  const users = (await (await page.request.get(`${url}/api/v1/users?q=Lena`)).json()) as { items: { id: string; name: string }[] };
  return users.items.find((u) => u.name === 'Lena Vogt')!.id;
}
