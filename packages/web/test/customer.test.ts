import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

/** Wed 25 Nov 2026, 16:30 in Los Angeles: the day before Thanksgiving. */
const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const CUSTOMER = 'riley@bluefin-apps.example';
const PASSWORD = 'hourglass-customer';
const SID = (n: number) => `CA${String(n).repeat(32).slice(0, 32)}`;

describe('customer portal in a browser', () => {
  const suite = browserSuite(NOW);

  it('refuses a wrong password with a plain message, then signs in to the ticket list', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, CUSTOMER, 'not-the-password');
    await poll(() => page.getByRole('alert').textContent()).toContain('The email or password is wrong');
    await screenshot(page, 'customer-login-refused');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(page.url()).toMatch(/\/portal$/);
    const table = page.getByRole('table');
    await poll(() => table.textContent()).toContain('Inbound SMS webhooks time out');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('America/Denver (MST)');
    expect(text).toMatch(/due in \d/);
    await screenshot(page, 'customer-ticket-list');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('guides the intake form as the customer types, blocks bad input, and opens a ticket with an explained due time', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, CUSTOMER, PASSWORD);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.getByRole('link', { name: 'New ticket' }).first().click();
    await page.getByRole('heading', { name: 'New ticket' }).waitFor();

    await page.getByLabel('Product', { exact: true }).selectOption('voice');
    const sids = page.getByLabel(/Example call SIDs/);
    const sidGuidance = page.locator('#intake-call_sids-guidance');
    await poll(() => sidGuidance.textContent()).toContain('Give 2–3 examples');
    // The SID's length comes from the pack's sid_format, shown at the field.
    expect(await page.locator('#intake-call_sids-format').textContent()).toContain('Each SID is 34 characters: the prefix CA, then 32 hexadecimal characters');
    await sids.fill('CA0123');
    await poll(() => sidGuidance.textContent()).toContain('has 4 hexadecimal characters after its prefix; a SID has exactly 32');
    await sids.fill(`SM${'0'.repeat(32)}`);
    await poll(() => sidGuidance.textContent()).toContain('has the prefix SM (SMS message); this field needs call SIDs (CA…)');
    await sids.fill(`${SID(1)} CA12zz`);
    await poll(() => sidGuidance.textContent()).toContain('contains "z"');
    await sids.fill(SID(1));
    await poll(() => sidGuidance.textContent()).toContain('1 of 2–3 examples');
    await sids.fill(`${SID(1)}\n${SID(2)}`);
    await poll(() => sidGuidance.textContent()).toContain('2 of 2–3 examples');

    const when = page.getByLabel(/When the example calls happened/);
    const whenGuidance = page.locator('#intake-examples_at-guidance');
    await when.fill('2026-11-22T17:30');
    await poll(() => whenGuidance.textContent()).toContain('too old to investigate');
    await when.fill('2026-11-24T14:30');
    await poll(() => whenGuidance.textContent()).toContain('best-effort');
    await when.fill('2026-11-25T16:30');
    await poll(() => whenGuidance.textContent()).toContain('recent enough');
    await screenshot(page, 'customer-new-ticket-guidance');
    expect(await seriousViolations(page)).toEqual([]);

    // Nothing typed in the subject: the ticket is not sent and the field says why.
    await page.getByLabel('What callers experienced').fill('Callers hear silence for ten seconds, then the call drops.');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await poll(() => page.locator('#subject-error').textContent()).toContain('short subject');
    expect(await page.getByLabel(/^Subject/).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(/^Subject/).fill('Calls drop after ten seconds of silence');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByRole('heading', { name: /Calls drop after ten seconds of silence/ }).waitFor();
    const targets = page.getByRole('region', { name: 'Response targets' });
    await expect
      .poll(() => targets.textContent())
      .toMatch(/Wed 16:30–18:00, then Mon from 06:00; Thu–Fri closed for Thanksgiving Day and Day after Thanksgiving/);
    expect(await targets.textContent()).toContain('America/Denver (MST)');
    await screenshot(page, 'customer-ticket-explained');
    expect(await seriousViolations(page)).toEqual([]);

    // The countdown is live: two minutes later it says two minutes less.
    const due = targets.locator('.due').first();
    const before = await due.textContent();
    await page.clock.runFor(120_000);
    await poll(() => due.textContent()).not.toBe(before);

    // An empty reply is refused at the field; a real one appears in the conversation.
    await page.getByRole('button', { name: 'Send reply' }).click();
    await poll(() => page.locator('#reply-body-error').textContent()).toContain('Write a message');
    await page.getByLabel('Your reply').fill('It also happens on our second number.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await poll(() => page.getByRole('region', { name: 'Conversation' }).textContent()).toContain('It also happens on our second number.');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('attaches files to a ticket within the size limit, lists them and downloads them', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, CUSTOMER, PASSWORD);
    await page.getByRole('link', { name: /Inbound SMS webhooks time out/ }).click();
    const panel = page.getByRole('region', { name: 'Attachments' });
    await poll(() => panel.textContent()).toContain('No files attached.');
    expect(await panel.textContent()).toContain('Up to 10.0 MiB per file');

    await panel.getByRole('button', { name: 'Attach', exact: true }).click();
    await poll(() => panel.locator('#attachment-error').textContent()).toBe('Choose a file to attach.');
    const file = panel.getByLabel('Attach a file');
    await file.setInputFiles({ name: 'capture.har', mimeType: 'application/json', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20) });
    await panel.getByRole('button', { name: 'Attach', exact: true }).click();
    await poll(() => panel.locator('#attachment-error').textContent()).toBe('capture.har is 10.0 MiB; a file may be at most 10.0 MiB. Compress it or split it into smaller files.');
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    await file.setInputFiles({ name: 'empty.log', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await panel.getByRole('button', { name: 'Attach', exact: true }).click();
    await poll(() => panel.locator('#attachment-error').textContent()).toContain('empty.log is empty');
    await screenshot(page, 'customer-attachment-refused');
    expect(await seriousViolations(page)).toEqual([]);

    const log = 'Nov 25 16:20:01 webhook POST /sms took 14.2 s\n';
    await file.setInputFiles({ name: 'webhook timings.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
    await panel.getByRole('button', { name: 'Attach', exact: true }).click();
    await poll(() => panel.getByRole('status').textContent()).toBe('webhook timings.log attached.');
    const link = panel.getByRole('link', { name: 'webhook timings.log' });
    await link.waitFor();
    expect(await panel.textContent()).toContain(`(${log.length} B, Wed 25 Nov, 17:30)`);
    const download = await page.request.get(`${suite.server.url}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain("filename*=UTF-8''webhook%20timings.log");
    expect(await download.text()).toBe(log);
    const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(saved.suggestedFilename()).toBe('webhook timings.log');
    await screenshot(page, 'customer-attachments');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the server\'s field errors when the service refuses the intake, and reads well on a phone', async () => {
    const { context, page } = await openPage(suite.browser, NOW, { phone: true });
    await signIn(page, suite.server.url, CUSTOMER, PASSWORD);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await screenshot(page, 'customer-ticket-list-phone');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${suite.server.url}/portal/new`);
    await page.getByLabel('Product', { exact: true }).selectOption('voice');
    await page.getByLabel(/^Subject/).fill('Calls drop');
    await page.getByLabel('What callers experienced').fill('Calls drop.');
    await page.getByLabel(/Example call SIDs/).fill('CA1234');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    const alert = page.getByRole('alert').first();
    await poll(() => alert.textContent()).toContain('The ticket is not sent yet');
    await poll(() => page.locator('#intake-call_sids-error').textContent()).toMatch(/CA1234/);
    await screenshot(page, 'customer-new-ticket-refused-phone');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
