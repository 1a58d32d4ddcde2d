import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

describe('priority choice in a browser', () => {
  const suite = browserSuite(NOW);

  it('shows each priority with its definition, refuses P1 for a non-production project at the field, and files P1 for production', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'dana@cobalt-freight.example', 'hourglass-customer');
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.goto(`${suite.server.url}/portal/new`);
    const priorities = page.getByRole('group', { name: 'Priority' });
    await poll(() => priorities.textContent()).toContain('A production application has lost service entirely');
    expect(await priorities.textContent()).toContain('P3 General Issue');
    expect(await page.getByLabel(/P3 General Issue/).isChecked()).toBe(true);

    await page.getByLabel('Project').selectOption({ label: 'Staging (not production)' });
    await page.getByLabel(/P1 Business Critical/).check();
    const refusal = page.locator('#priority-error');
    await poll(() => refusal.textContent()).toContain('P1 Business Critical is only for production applications, and Staging is not a production project');
    await page.getByLabel(/^Subject/).fill('Every outbound call fails');
    await page.getByLabel('Description').fill('All outbound calls fail with 31005.');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await poll(() => page.getByRole('alert').first().textContent()).toContain('The ticket is not sent yet');
    await screenshot(page, 'customer-p1-refused');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Project').selectOption({ label: 'Production (production)' });
    await poll(() => refusal.count()).toBe(0);
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByRole('heading', { name: /Every outbound call fails/ }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain('P1');
    // Premium P1 runs on the 24x7 calendar: one hour, whatever the holiday.
    await poll(() => page.getByRole('region', { name: 'Response targets' }).textContent()).toMatch(/within 1h\s*due in (1h|59m \d{1,2}s)/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
