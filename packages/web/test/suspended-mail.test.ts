import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, startServer, type RunningServer } from '@hourglass/server';
import { launch, openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { ensureBuilt } from './support/web-server.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const SUPPORT = 'support@desk.example.test';
const AGENT = 'lena.vogt@hourglass.example';
const RILEY = 'riley@bluefin-apps.example';

/** DNS that knows no records: no SPF, DKIM or DMARC for anyone, so no sender can be verified. */
const noRecords = async (name: string, rrtype: string): Promise<string[][]> => {
  throw Object.assign(new Error(`query${rrtype} ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};

describe('suspended mail in the agent console', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    ensureBuilt();
    delete process.env.DATABASE_URL;
    dataDir = mkdtempSync(join(tmpdir(), 'hourglass-web-mail-'));
    [server, browser] = await Promise.all([
      startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        clock: fixedClock(NOW),
        handleSignals: false,
        logLevel: 'silent',
        print: () => {},
        smtpInPort: 0,
        mail: { supportAddress: SUPPORT, inboundAuth: { mode: 'verify' } },
        mailResolver: noRecords,
      }),
      launch(),
    ]);
    // Three unsigned messages, as anyone could send them: they wait for a decision.
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: server.inbound!.port, secure: false, ignoreTLS: true });
    await smtp.sendMail({ from: `Riley Marsh <${RILEY}>`, to: SUPPORT, subject: 'Voice calls drop after 30 seconds', text: 'Every outbound call drops at 0:30.' });
    await smtp.sendMail({ from: `Lena Vogt <${AGENT}>`, to: SUPPORT, subject: 'Re: [#1] Please pay the unlock fee', text: 'Wire the fee to IBAN XX00.' });
    await smtp.sendMail({ from: RILEY, to: SUPPORT, subject: 'About [#999999]', text: 'Any news?' });
    smtp.close();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists held mail with the reason; staff accept or discard it, and see why an action failed', async () => {
    const { context, page } = await openPage(browser, NOW);
    await signIn(page, `http://127.0.0.1:${new URL(server.url).port}`, AGENT, 'hourglass-agent');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suspended mail' }).click();
    await page.getByRole('heading', { name: 'Suspended mail' }).waitFor();
    const rows = page.locator('table.suspended-mail tbody tr');
    await poll(() => rows.count()).toBe(3);

    const riley = rows.filter({ hasText: 'Voice calls drop after 30 seconds' });
    expect(await riley.textContent()).toContain(
      'Sent from 127.0.0.1. SPF none for 127.0.0.1 (bluefin-apps.example); no DKIM signature; no DMARC record for bluefin-apps.example',
    );
    const forged = rows.filter({ hasText: 'Please pay the unlock fee' });
    expect(await forged.getByRole('button', { name: /^Accept/ }).count()).toBe(0);
    expect(await forged.textContent()).toContain('never applied as staff mail');

    await riley.getByRole('button', { name: 'Read the mail "Voice calls drop after 30 seconds"' }).click();
    await poll(() => riley.textContent()).toContain('Every outbound call drops at 0:30.');
    await screenshot(page, 'suspended-mail');
    expect(await seriousViolations(page)).toEqual([]);

    await riley.getByRole('button', { name: /^Accept the mail/ }).click();
    await poll(() => page.getByRole('status').last().textContent()).toContain(`Accepted the mail from ${RILEY}: a ticket was opened.`);
    await poll(() => riley.textContent()).toContain('Accepted');

    const unknown = rows.filter({ hasText: 'About [#999999]' });
    await unknown.getByRole('button', { name: /^Accept the mail/ }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain(`Could not accept the mail from ${RILEY}: This mail cannot be applied: There is no ticket #999999`);
    expect(await unknown.getByRole('button', { name: /^Accept the mail/ }).isEnabled()).toBe(true);

    await forged.getByRole('button', { name: /^Discard the mail/ }).click();
    await poll(() => forged.textContent()).toContain('Discarded');

    await page.getByLabel('Show').selectOption('pending');
    await page.reload();
    await page.getByRole('heading', { name: 'Suspended mail' }).waitFor();
    await poll(() => rows.count()).toBe(1);
    await page.getByLabel('Show').selectOption('all');
    await poll(() => rows.count()).toBe(3);
    await rows.filter({ hasText: 'Voice calls drop after 30 seconds' }).getByRole('link', { name: 'Open the ticket' }).click();
    await page.getByRole('heading', { name: /Voice calls drop after 30 seconds/ }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
