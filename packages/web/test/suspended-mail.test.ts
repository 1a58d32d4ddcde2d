import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { MAIL_AGENT as AGENT, type MailDesk, RILEY, startMailDesk } from './support/mail-desk.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

describe('suspended mail in the agent console', () => {
  let desk: MailDesk;
  let browser: Browser;

  beforeAll(async () => {
    // Three unsigned messages, as anyone could send them: they wait for a decision.
    [desk, browser] = await Promise.all([startMailDesk(NOW), launch()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('lists held mail with the reason; staff accept or discard it, and see why an action failed', async () => {
    const { context, page } = await openPage(browser, NOW);
    await signIn(page, desk.url, AGENT, 'hourglass-agent');
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
