import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

interface AccountRead {
  id: string;
  name: string;
  plan: string;
  phone_pin: string | null;
  primary_manager_id: string | null;
  secondary_manager_id: string | null;
  team_id: string | null;
}

async function get<T>(page: Page, url: string): Promise<T> {
  return (await (await page.request.get(url)).json()) as T;
}

describe('editing a customer account in a browser', () => {
  const suite = browserSuite(NOW);

  it("changes an account's plan, manager, team and PIN, with the service's refusal at the field", async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    const accounts = page.getByRole('region', { name: 'Customer accounts' });
    const dunmore = accounts.getByRole('row', { name: /Dunmore Savings Bank/ });
    const cells = () => dunmore.locator('td').allTextContents();
    await poll(cells).toEqual(['Dunmore Savings Bank', 'twilio', 'personalized', '2025-04', 'en', 'none', 'Jordan Blake, Lena Vogt', 'Production (production), Staging', 'Edit Attainment and credits']);
    await dunmore.getByRole('button', { name: 'Edit Dunmore Savings Bank' }).click();
    const editor = page.getByRole('region', { name: 'Dunmore Savings Bank: plan, team, managers and phone PIN' });
    const form = editor.getByRole('form', { name: 'Change Dunmore Savings Bank' });
    await poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('account-name');
    expect(await form.getByLabel('Plan').inputValue()).toBe('personalized');
    expect(await form.getByLabel('Phone PIN').inputValue()).toBe('482913');
    // The plans offered are those of the account's pack.
    expect(await form.getByLabel('Plan').locator('option').allTextContents()).toEqual(expect.arrayContaining(['Premium', 'Personalized']));

    // A PIN the service refuses: its message at the field, nothing saved.
    await form.getByLabel('Phone PIN').fill('12ab');
    await form.getByLabel('Plan').selectOption({ label: 'Premium' });
    await form.getByRole('button', { name: 'Save Dunmore Savings Bank' }).click();
    await poll(() => form.locator('#account-pin-error').textContent()).toBe('Must be 4 to 8 digits.');
    expect(await form.getByLabel('Phone PIN').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Phone PIN').getAttribute('aria-describedby')).toContain('account-pin-error');
    expect(await form.getByRole('alert').textContent()).toBe('Some fields need a change; see the messages at them.');
    await screenshot(page, 'admin-account-bad-pin');
    expect(await seriousViolations(page)).toEqual([]);
    const before = (await get<{ items: AccountRead[] }>(page, `${suite.server.url}/api/v1/accounts?q=Dunmore`)).items[0]!;
    expect([before.plan, before.phone_pin]).toEqual(['personalized', '482913']);

    await form.getByLabel('Phone PIN').fill('7351');
    await form.getByLabel('Secondary manager').selectOption({ label: 'Irina Sokolova (agent)' });
    await form.getByLabel('Support team').selectOption({ label: 'Technical Account Managers' });
    await form.getByRole('button', { name: 'Save Dunmore Savings Bank' }).click();
    await poll(() => accounts.textContent()).toContain("Dunmore Savings Bank's changes are saved.");
    expect(await editor.count()).toBe(0);
    const changed = ['Dunmore Savings Bank', 'twilio', 'premium', '2025-04', 'en', 'Technical Account Managers', 'Jordan Blake, Irina Sokolova', 'Production (production), Staging', 'Edit Attainment and credits'];
    expect(await cells()).toEqual(changed);
    await screenshot(page, 'admin-account-saved');
    expect(await seriousViolations(page)).toEqual([]);

    // After a reload the list and the form read the changes back from the service.
    await page.reload();
    await poll(cells).toEqual(changed);
    const after = (await get<{ items: AccountRead[] }>(page, `${suite.server.url}/api/v1/accounts?q=Dunmore`)).items[0]!;
    const irina = (await get<{ items: { id: string }[] }>(page, `${suite.server.url}/api/v1/users?q=Irina`)).items[0]!;
    expect(after).toMatchObject({ plan: 'premium', phone_pin: '7351', secondary_manager_id: irina.id });
    await dunmore.getByRole('button', { name: 'Edit Dunmore Savings Bank' }).click();
    await poll(() => form.getByLabel('Plan').inputValue()).toBe('premium');
    expect(await form.getByLabel('Secondary manager').inputValue()).toBe(irina.id);
    expect(await form.getByLabel('Phone PIN').inputValue()).toBe('7351');

    // An empty PIN removes it; an empty choice removes the manager.
    await form.getByLabel('Phone PIN').fill('');
    await form.getByLabel('Secondary manager').selectOption({ label: 'none' });
    await form.getByRole('button', { name: 'Save Dunmore Savings Bank' }).click();
    await poll(() => dunmore.locator('td').nth(6).textContent()).toBe('Jordan Blake');
    const cleared = (await get<{ items: AccountRead[] }>(page, `${suite.server.url}/api/v1/accounts?q=Dunmore`)).items[0]!;
    expect(cleared).toMatchObject({ plan: 'premium', phone_pin: null, secondary_manager_id: null, primary_manager_id: after.primary_manager_id });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
