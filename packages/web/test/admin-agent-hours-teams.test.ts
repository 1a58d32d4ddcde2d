import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

async function get<T>(page: Page, url: string): Promise<T> {
  return (await (await page.request.get(url)).json()) as T;
}

describe("an agent's overnight hours and teams in a browser", () => {
  const suite = browserSuite(NOW);

  it('saves hours that run past midnight and a change of teams, refusing bad spans at their day', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.goto(`${suite.server.url}/admin/agents`);
    const agents = page.getByRole('region', { name: 'Agents and their hours' });
    const irina = agents.getByRole('row', { name: /Irina Sokolova/ });
    await poll(() => irina.locator('td').nth(4).textContent()).toBe('Mon–Fri 08:00–16:00');
    expect(await irina.locator('td').nth(7).textContent()).toBe('EMEA Support');
    await irina.getByRole('button', { name: 'Edit Irina Sokolova' }).click();
    const form = page.getByRole('region', { name: 'Irina Sokolova: presence, zone, hours, languages and teams' }).getByRole('form', { name: 'Change Irina Sokolova' });
    const day = (name: string) => form.getByRole('textbox', { name, exact: true });

    // A zero-length span, and a night span that runs into the next morning's hours: each refused at its day.
    await day('Wednesday').fill('10:00–10:00');
    await day('Monday').fill('22:00–09:00');
    await form.getByRole('button', { name: 'Save Irina Sokolova' }).click();
    await poll(() => form.locator('#agent-hours-wed-error').textContent()).toBe('"10:00–10:00" starts and ends at the same time; for a whole day write 00:00–24:00.');
    expect(await form.locator('#agent-hours-mon-error').textContent()).toBe("22:00–09:00 (next day) runs into Tuesday's 08:00–16:00; end it by 08:00 or change Tuesday.");
    expect(await day('Monday').getAttribute('aria-invalid')).toBe('true');
    expect(await day('Monday').getAttribute('aria-describedby')).toBe('agent-hours-mon-error');
    await screenshot(page, 'admin-agent-overnight-errors');
    expect(await seriousViolations(page)).toEqual([]);

    // Friday night into Saturday morning; the field says where it ends.
    await day('Monday').fill('08:00–16:00');
    await day('Wednesday').fill('08:00–16:00');
    await day('Friday').fill('22:00-06:00');
    await poll(() => form.locator('#agent-hours-fri-note').textContent()).toBe('22:00–06:00 (next day) ends on Saturday at 06:00.');
    expect(await day('Friday').getAttribute('aria-describedby')).toBe('agent-hours-fri-note');
    const teams = form.getByRole('group', { name: 'Teams' });
    expect(await teams.getByRole('checkbox', { name: /^EMEA Support/ }).isChecked()).toBe(true);
    await teams.getByRole('checkbox', { name: /^EMEA Support/ }).uncheck();
    await teams.getByRole('checkbox', { name: /Follow the Sun 24x7/ }).check();
    await screenshot(page, 'admin-agent-overnight-teams');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save Irina Sokolova' }).click();
    await poll(() => agents.textContent()).toContain("Irina Sokolova's changes are saved.");
    const summary = 'Mon–Thu 08:00–16:00; Fri 22:00–06:00 (next day)';
    expect(await irina.locator('td').nth(4).textContent()).toBe(summary);
    expect(await irina.locator('td').nth(7).textContent()).toBe('Follow the Sun 24x7');

    // After a reload the app reads both back from the service.
    await page.reload();
    await poll(() => irina.locator('td').nth(4).textContent()).toBe(summary);
    expect(await irina.locator('td').nth(7).textContent()).toBe('Follow the Sun 24x7');
    const users = await get<{ items: { id: string; name: string; working_hours: Record<string, unknown> }[] }>(page, `${suite.server.url}/api/v1/users?q=Irina`);
    const person = users.items.find((u) => u.name === 'Irina Sokolova')!;
    expect(person.working_hours.fri).toEqual([{ from: '22:00', to: '06:00' }]);
    const all = await get<{ items: { name: string; member_ids: string[] }[] }>(page, `${suite.server.url}/api/v1/teams`);
    expect(all.items.filter((t) => t.member_ids.includes(person.id)).map((t) => t.name)).toEqual(['Follow the Sun 24x7']);
    // The other members stay.
    expect(all.items.find((t) => t.name === 'EMEA Support')!.member_ids).toHaveLength(2);
    expect(all.items.find((t) => t.name === 'Follow the Sun 24x7')!.member_ids).toHaveLength(4);

    await irina.getByRole('button', { name: 'Edit Irina Sokolova' }).click();
    await poll(() => day('Friday').inputValue()).toBe('22:00–06:00 (next day)');
    expect(await teams.getByRole('checkbox', { name: /Follow the Sun 24x7/ }).isChecked()).toBe(true);
    expect(await teams.getByRole('checkbox', { name: /^EMEA Support/ }).isChecked()).toBe(false);
    // Saving the text as shown keeps the span as it is.
    await form.getByRole('button', { name: 'Save Irina Sokolova' }).click();
    await poll(() => agents.textContent()).toContain("Irina Sokolova's changes are saved.");
    expect(await irina.locator('td').nth(4).textContent()).toBe(summary);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
