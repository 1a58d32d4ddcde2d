import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, startServer, type RunningServer } from '@hourglass/server';
import { launch, openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { englishLeftovers, recordApiStrings } from './support/leftovers.js';
import { ensureBuilt } from './support/web-server.js';

// The public subscribe page (no script, in German) through a real SMTP listener to the confirmed
// subscription, and the portal's own subscription panel, in Chromium.

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const CUSTOMER = 'riley@bluefin-apps.example';
const ADMIN = 'admin@hourglass.example';

describe('status subscriptions in a browser', () => {
  let server: RunningServer;
  let url = '';
  let browser: Browser;
  let smtp: SMTPServer;
  let dataDir = '';
  const inbox: ParsedMail[] = [];
  const names: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    delete process.env.DATABASE_URL;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((parsed) => {
          inbox.push(parsed);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    dataDir = mkdtempSync(join(tmpdir(), 'hourglass-web-status-subscriptions-'));
    [server, browser] = await Promise.all([
      startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        clock: fixedClock(NOW),
        handleSignals: false,
        logLevel: 'silent',
        print: () => {},
        mail: { smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, supportAddress: 'support@desk.example.test' },
      }),
      launch(),
    ]);
    url = `http://127.0.0.1:${new URL(server.url).port}`;
    // The status page's components: the demo's, or two made here.
    const signedIn = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN, password: 'hourglass-admin' }) });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const listed = (await (await fetch(`${url}/api/v1/status/components`, { headers: { cookie } })).json()) as { components: { name: string }[] };
    if (listed.components.length < 2) {
      for (const [key, name] of [
        ['voice', 'Programmable Voice'],
        ['mail-send', 'Mail Send'],
      ]) {
        const made = await fetch(`${url}/api/v1/status/components`, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'application/json' }, body: JSON.stringify({ key, name }) });
        expect(made.status).toBe(201);
      }
    }
    const again = (await (await fetch(`${url}/api/v1/status/components`, { headers: { cookie } })).json()) as { components: { name: string }[] };
    names.push(...again.components.map((c) => c.name));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('subscribes from the public page, which needs no JavaScript, in German, and confirms with the mailed link', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${url}/status/subscribe`);
    // Server-rendered forms: no script at all (axe needs the browser's JavaScript, so it stays on).
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Statusmeldungen abonnieren');
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong address first: the form comes back with the problem at the field.
    await page.getByLabel('E-Mail-Adresse').fill('not-an-address');
    await page.getByRole('button', { name: 'Abonnieren' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Das Abonnement wurde nicht gespeichert');
    expect(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#email-error').textContent()).toBe('Geben Sie eine E-Mail-Adresse wie ada@example.com ein.');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('E-Mail-Adresse').fill('ines@example.test');
    await page.getByLabel('Nur die Komponenten, die ich wähle:').check();
    await page.getByLabel(names[1]!, { exact: true }).check();
    await page.getByRole('button', { name: 'Abonnieren' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sehen Sie in Ihr Postfach');
    expect(await page.getByRole('status').textContent()).toContain('ines@example.test');
    await screenshot(page, 'status-subscribe-pending-de');

    // The demo's own notifications go through the same listener: the one to this address is the confirmation.
    const toInes = () => inbox.filter((m) => JSON.stringify(m.to).includes('ines@example.test'));
    await poll(() => toInes().length).toBe(1);
    const mail = toInes()[0]!;
    expect(mail.subject).toContain('Bestätigen Sie Ihr Abonnement');
    const link = /https?:\/\/[^/\s]+(\/status\/subscriptions\/confirm\?token=[A-Za-z0-9_-]+)/.exec(mail.text ?? '');
    expect(link, mail.text).not.toBeNull();
    await page.goto(`${url}${link![1]}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Abonnement bestätigen');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Abonnement bestätigt');
    expect(await page.getByRole('status').textContent()).toBe(`ines@example.test erfährt von: ${names[1]}.`);
    await context.close();
  });

  it('lets a customer subscribe their own address from the portal, change it and end it', async () => {
    const { context, page } = await openPage(browser, NOW);
    await signIn(page, url, CUSTOMER, 'hourglass-customer');
    await page.getByRole('navigation').getByRole('link', { name: 'Status updates' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Status updates');
    await poll(() => page.getByRole('status').textContent()).toBe('You are not subscribed.');
    expect(await page.getByText(`Get an email at ${CUSTOMER}`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Choosing nothing is refused at the list.
    await page.getByLabel('Only the components I choose:').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await poll(() => page.locator('#status-components-error').textContent()).toBe('Choose at least one component, or all of them.');

    await page.getByLabel(names[0]!, { exact: true }).check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe('Saved: status updates will reach you by email.');
    await page.reload();
    await poll(() => page.getByRole('status').textContent()).toBe('You are subscribed.');
    expect(await page.getByLabel(names[0]!, { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Only the components I choose:').isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'portal-status-updates');

    await page.getByLabel('All components, including those added later').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe('Saved: status updates will reach you by email.');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe('Unsubscribed: no more status updates by email.');
    expect(await page.getByRole('button', { name: 'Subscribe' }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the portal page in German and leaves no English in the pseudo-locale', async () => {
    const { context, page } = await openPage(browser, NOW);
    await signIn(page, url, CUSTOMER, 'hourglass-customer');
    await poll(() => page.getByRole('navigation').getByRole('link', { name: 'Status updates' }).count()).toBe(1);
    const data = recordApiStrings(page);
    const loaded = page.waitForResponse((response) => response.url().endsWith('/api/v1/status/subscriptions'));
    await page.goto(`${url}/portal/status-updates?locale=en-XA`);
    await (await loaded).finished();
    await poll(() => page.locator('form.stacked-form button[type=submit]').textContent()).toContain('[');
    await poll(() => page.title()).not.toBe('Hourglass');
    await data.settled();
    expect(await englishLeftovers(page, data)).toEqual([]);
    await page.goto(`${url}/portal/status-updates?locale=de`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Statusmeldungen');
    await poll(() => page.getByRole('status').textContent()).toBe('Sie haben keine Statusmeldungen abonniert.');
    expect(await page.getByRole('button', { name: 'Abonnieren' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
