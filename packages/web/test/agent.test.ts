import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const AGENT = 'lena.vogt@hourglass.example';
const PASSWORD = 'hourglass-agent';

/** The running due time of each queue row, top to bottom ('' for rows with no running clock). */
async function rowDues(page: Page): Promise<string[]> {
  const cells = await page.locator('table.queue tbody tr td:first-child .due').all();
  return Promise.all(cells.map(async (cell) => (await cell.getAttribute('data-due')) ?? ''));
}

describe('agent console in a browser', () => {
  const suite = browserSuite(NOW);

  it('orders the queue by time to breach with live, coloured countdowns, and filters it', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, AGENT, PASSWORD);
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    const table = page.getByRole('table');
    await poll(() => table.textContent()).toContain('Inbound SMS webhooks time out');

    const dues = (await rowDues(page)).filter((d) => d !== '');
    expect(dues.length).toBeGreaterThan(2);
    expect(dues).toEqual([...dues].sort());
    const firstRows = (await rowDues(page)).slice(0, dues.length);
    expect(firstRows.every((d) => d !== '')).toBe(true);
    expect(await page.textContent('main')).toContain('Europe/Berlin');

    const countdown = page.locator('table.queue tbody tr td:first-child .due[data-tone="ok"]').first();
    const before = await countdown.textContent();
    await page.clock.runFor(90_000);
    await poll(() => countdown.textContent()).not.toBe(before);
    await screenshot(page, 'agent-queue');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Assignee').selectOption('mine');
    await poll(() => page.textContent('main')).toContain('No tickets match these filters.');
    await page.getByLabel('Assignee').selectOption('');
    await page.getByLabel('Status').selectOption('pending');
    await poll(() => page.locator('table.queue tbody tr').count()).toBeGreaterThan(0);
    const statuses = await page.locator('table.queue tbody tr .status').allTextContents();
    expect(statuses.every((s) => s.startsWith('Pending'))).toBe(true);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Priority').fill('P9');
    await poll(() => page.textContent('main')).toContain('No tickets match these filters.');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('saves the queue filters as named views in the browser, reachable with the keyboard', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, AGENT, PASSWORD);
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    const views = page.getByRole('region', { name: 'Saved views' });
    expect(await views.textContent()).toContain('none yet');
    await views.getByRole('button', { name: 'Save view' }).click();
    await poll(() => views.locator('#view-name-error').textContent()).toContain('Give the view a name');
    await views.getByLabel('Save these filters as').fill('Everything');
    await views.getByRole('button', { name: 'Save view' }).click();
    await poll(() => views.locator('#view-name-error').textContent()).toContain('Set at least one filter first');

    await page.getByLabel('Assignee').selectOption('none');
    await page.getByLabel('Priority').fill('P2');
    await poll(() => page.url()).toContain('assignee=none&priority=P2');
    await views.getByLabel('Save these filters as').fill('Unassigned P2');
    await views.getByRole('button', { name: 'Save view' }).click();
    await poll(() => views.getByRole('status').textContent()).toBe('Saved the view "Unassigned P2".');
    expect(await views.getByLabel('Save these filters as').inputValue()).toBe('');
    const rows = page.locator('table.queue tbody tr');
    await poll(() => rows.count()).toBeGreaterThan(0);
    const filtered = await rows.count();
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Inbound SMS webhooks time out')]));
    await screenshot(page, 'agent-saved-views');
    expect(await seriousViolations(page)).toEqual([]);

    // A fresh page keeps the view; Tab from the last filter reaches it and Enter applies it.
    await page.goto(`${suite.server.url}/console`);
    await poll(() => rows.count()).toBeGreaterThan(filtered);
    await page.getByLabel('Search').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Unassigned P2');
    await page.keyboard.press('Enter');
    await poll(() => page.getByLabel('Assignee').inputValue()).toBe('none');
    expect(await page.getByLabel('Priority').inputValue()).toBe('P2');
    await poll(() => rows.count()).toBe(filtered);
    expect(await views.getByRole('link', { name: 'Unassigned P2' }).getAttribute('aria-current')).toBe('true');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => views.getByRole('status').textContent()).toBe('Deleted the view "Unassigned P2".');
    expect(await views.textContent()).toContain('none yet');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('turns a ticket red once its due time passes', async () => {
    suite.server.clock.set(NOW + 6 * 24 * 3_600_000);
    try {
      const { context, page } = await openPage(suite.browser, NOW + 6 * 24 * 3_600_000);
      await signIn(page, suite.server.url, AGENT, PASSWORD);
      await page.getByRole('heading', { name: 'Queue' }).waitFor();
      await poll(() => page.getByRole('table').textContent()).toContain('Inbound SMS webhooks time out');
      const row = page.locator('table.queue tbody tr', { hasText: 'Inbound SMS webhooks time out' });
      expect(await row.locator('.due').first().getAttribute('data-tone')).toBe('breached');
      expect(await row.textContent()).toContain('overdue by');
      await screenshot(page, 'agent-queue-breached');
      await context.close();
    } finally {
      suite.server.clock.set(NOW);
    }
  });

  it('works a ticket: assign by keyboard, internal note, status, reclassify with a reason, history', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, AGENT, PASSWORD);
    await page.getByRole('link', { name: /Inbound SMS webhooks time out/ }).click();
    await page.getByRole('heading', { name: /Inbound SMS webhooks time out/ }).waitFor();
    await poll(() => page.getByRole('region', { name: 'Response targets' }).textContent()).toMatch(/Due .*: Wed/);

    await page.keyboard.press('a');
    await poll(() => page.getByRole('status').first().textContent()).toContain('Assigned to you.');

    // Staff attach files too; a file over the limit is refused before it is sent.
    const files = page.getByRole('region', { name: 'Attachments' });
    await poll(() => files.textContent()).toContain('No files attached.');
    await files.getByLabel('Attach a file').setInputFiles({ name: 'webhook-debugger.csv', mimeType: 'text/csv', buffer: Buffer.from('sid,warning\nSM1,11200\n') });
    await files.getByRole('button', { name: 'Attach', exact: true }).click();
    await poll(() => files.getByRole('link').allTextContents()).toEqual(['webhook-debugger.csv']);

    await page.keyboard.press('r');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('agent-reply');
    await page.keyboard.type('Checked the webhook logs; the endpoint answers in 14 s.');
    await page.getByLabel('Internal note (only staff can see it)').check();
    await page.getByRole('button', { name: 'Add internal note' }).click();
    await poll(() => page.getByRole('region', { name: 'Conversation' }).textContent()).toContain('Internal note');

    await page.getByLabel('Change status').selectOption('open');
    await page.getByRole('button', { name: 'Change', exact: true }).click();
    await poll(() => page.locator('.facts').textContent()).toContain('Open');

    // Reclassifying without a reason is refused at the field.
    const priority = page.getByLabel(/New priority/);
    await poll(() => priority.locator('option').allTextContents()).toEqual(['Choose…', 'P1 Business Critical', 'P3 General Issue']);
    await page.getByRole('button', { name: 'Change priority' }).click();
    await poll(() => page.locator('#reclassify-priority-error').textContent()).toContain('Choose the new priority');
    await priority.selectOption('P1');
    await page.getByRole('button', { name: 'Change priority' }).click();
    await poll(() => page.locator('#reclassify-reason-error').textContent()).toContain('Say why');
    await screenshot(page, 'agent-reclassify-refused');

    await page.getByLabel('Reason').fill('All inbound messages are late for every number.');
    await page.getByRole('button', { name: 'Change priority' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toContain('Priority changed to P1');
    const history = page.getByRole('region', { name: 'History' });
    await poll(() => history.textContent()).toContain('All inbound messages are late for every number.');
    expect(await history.textContent()).toContain('Priority changed');
    await screenshot(page, 'agent-workspace');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps customers out of the console', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'riley@bluefin-apps.example', 'hourglass-customer');
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.goto(`${suite.server.url}/console`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
