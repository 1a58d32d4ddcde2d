import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const TWILIO_PACK = readFileSync(new URL('../../policy/packs/twilio.yaml', import.meta.url), 'utf8');

describe('admin pages in a browser', () => {
  const suite = browserSuite(NOW);

  it('lists the customer accounts and the agents with their zones, presence and hours now', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    const accounts = page.getByRole('region', { name: 'Customer accounts' });
    await poll(() => accounts.textContent()).toContain('Dunmore Savings Bank');
    expect(await accounts.textContent()).toContain('personalized');
    await screenshot(page, 'admin-overview');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    const agents = page.getByRole('region', { name: 'Agents and their hours' });
    await poll(() => agents.textContent()).toContain('Lena Vogt');
    // Wed 16:30 in Los Angeles is Thu 01:30 in Berlin, before Lena's 09:00 start.
    const lena = agents.getByRole('row', { name: /Lena Vogt/ });
    expect(await lena.textContent()).toContain('off now (09:00–18:00 Europe/Berlin, it is 01:30)');
    const jordan = agents.getByRole('row', { name: /Jordan Blake/ });
    expect(await jordan.textContent()).toContain('off now (06:00–15:00 America/Los_Angeles, it is 16:30)');
    await screenshot(page, 'admin-agents');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the policy packs with their versions, plans, priorities and calendars', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Policy packs' }).click();
    await page.getByRole('heading', { name: 'Policy packs', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/admin\/policies$/);
    const packs = page.getByRole('region', { name: 'Packs and their versions' });
    const twilio = packs.getByRole('article', { name: /Twilio/ });
    await poll(() => twilio.textContent()).toContain('Version 2025-04');
    expect(await twilio.textContent()).toMatch(/Version 2020-01, in force from .*Version 2025-04, in force from Tue 1 Apr, 07:00 UTCin force now/);
    const current = twilio.getByRole('group', { name: 'twilio version 2025-04' });
    expect(await current.getByRole('table', { name: 'Plans' }).textContent()).toContain('Personalized');
    expect(await current.textContent()).toContain('P1 Business Critical');
    expect(await current.textContent()).toContain('A production application has lost service entirely');
    expect(await current.textContent()).toContain('First response (first response), paused while pending');
    await twilio.getByLabel('Show version').selectOption('2020-01');
    await twilio.getByRole('group', { name: 'twilio version 2020-01' }).waitFor();
    const exotel = packs.getByRole('article', { name: /Exotel/ });
    expect(await exotel.getByRole('table', { name: 'Plans' }).textContent()).toMatch(/sme, smb/);
    expect(await exotel.textContent()).toContain('sev1');
    await screenshot(page, 'admin-policy-packs');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('checks a pack file: problems marked at their line in a numbered listing, a valid file summarised, bad input refused', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.goto(`${suite.server.url}/admin/policies`);
    const upload = page.getByRole('region', { name: 'Check a policy pack file' });
    await upload.waitFor();
    await upload.getByRole('button', { name: 'Check the pack' }).click();
    await poll(() => upload.locator('#pack-error').textContent()).toContain('Choose a pack file or paste its YAML text first.');
    await upload.getByLabel('Pack file').setInputFiles({ name: 'huge.yaml', mimeType: 'text/yaml', buffer: Buffer.alloc(600 * 1024, 'a') });
    await poll(() => upload.locator('#pack-error').textContent()).toContain('huge.yaml is 600 KiB; a pack file may be at most 512 KiB');

    // Pasted text with a key the schema does not know, on line 36.
    const broken = TWILIO_PACK.replace('name: Business Critical', 'name: Business Critical\n        production_only: maybe');
    await upload.getByLabel('Or paste the YAML text').fill(broken);
    await upload.getByRole('button', { name: 'Check the pack' }).click();
    const listing = upload.getByRole('list', { name: /with its problems marked/ });
    await listing.waitFor();
    expect(await upload.getByRole('alert').textContent()).toContain('pack.yaml has 1 problem');
    const marked = listing.locator('li.problem-line');
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('id')).toBe('pack-line-36');
    expect(await marked.textContent()).toMatch(/^36\s*production_only: maybe\s*Problem on line 36: unknown key "production_only"; allowed keys here: id, name, definition/);
    expect(await listing.locator('li').count()).toBe(broken.split('\n').length);
    expect(await upload.getByRole('link', { name: 'Line 36, column 26' }).getAttribute('href')).toBe('#pack-line-36');
    await screenshot(page, 'admin-pack-problems');
    expect(await seriousViolations(page)).toEqual([]);

    // A YAML syntax error is shown at its line too.
    await upload.getByLabel('Or paste the YAML text').fill('id: x\nname: [');
    await upload.getByRole('button', { name: 'Check the pack' }).click();
    await poll(() => listing.locator('li.problem-line').getAttribute('id')).toBe('pack-line-2');
    expect(await listing.locator('li.problem-line').textContent()).toContain('YAML syntax');

    // A valid file chosen with the file input is summarised.
    await upload.getByLabel('Pack file').setInputFiles({ name: 'twilio.yaml', mimeType: 'text/yaml', buffer: Buffer.from(TWILIO_PACK) });
    await poll(() => upload.getByLabel('Or paste the YAML text').inputValue()).toBe(TWILIO_PACK);
    await upload.getByRole('button', { name: 'Check the pack' }).click();
    await poll(() => upload.getByRole('status').textContent()).toContain('twilio.yaml is a valid pack: Twilio (twilio), versions 2020-01, 2025-04');
    expect(await listing.count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows a calendar\'s next open hours and its month with holidays and closed days', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    // Keyboard: the admin sections are links in a navigation landmark.
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Calendars' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Calendars', level: 1 }).waitFor();
    const calendars = page.getByRole('region', { name: 'Open hours and holidays' });
    await calendars.getByLabel('Calendar').selectOption('twilio/twilio-business-hours');
    await poll(() => calendars.locator('.next-open').textContent()).toBe('Open now, until Wed 25 Nov, 18:00 America/Los_Angeles (PST).');
    const next = calendars.getByRole('list', { name: 'The next open periods' });
    expect((await next.getByRole('listitem').allTextContents())[0]).toBe(
      'Mon 30 Nov, 06:00–18:00 America/Los_Angeles (PST) (for you: Mon 30 Nov, 14:00–Tue 1 Dec, 02:00 UTC)',
    );
    const month = calendars.getByRole('table', { name: /November 2026/ });
    const day = (date: string) => month.locator(`td[data-date="${date}"]`);
    await poll(() => day('2026-11-26').textContent()).toBe('26Thanksgiving Dayclosed');
    expect(await day('2026-11-27').textContent()).toBe('27Day after Thanksgivingclosed');
    expect(await day('2026-11-25').textContent()).toBe('2506:00–18:00');
    expect(await day('2026-11-25').getAttribute('aria-current')).toBe('date');
    expect(await day('2026-11-28').textContent()).toBe('28closed');
    expect(await calendars.textContent()).toContain('11 closed days this month; holidays: Thanksgiving Day (26), Day after Thanksgiving (27).');
    await screenshot(page, 'admin-calendar-month');
    expect(await seriousViolations(page)).toEqual([]);
    // On a phone the month scrolls sideways and stays reachable with the keyboard.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-calendar-month-phone');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    await calendars.getByRole('button', { name: 'Next month →' }).click();
    const december = calendars.getByRole('table', { name: /December 2026/ });
    await poll(() => december.locator('td[data-date="2026-12-25"]').textContent()).toBe('25Christmas Dayclosed');
    await calendars.getByLabel('Calendar').selectOption('twilio/24x7');
    await poll(() => calendars.textContent()).toContain('Always open');
    await poll(() => calendars.locator('td[data-date="2026-11-26"]').textContent()).toBe('26open all day');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('sends an unknown address to a plain not-found page, and unknown API paths to the API\'s JSON 404', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, 'admin@hourglass.example', 'hourglass-admin');
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.goto(`${suite.server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${suite.server.url}/admin/nothing`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('link', { name: 'Go to the admin overview' }).getAttribute('href')).toBe('/admin');
    const api = await page.request.get(`${suite.server.url}/api/v1/no-such-thing`);
    expect(api.status()).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('route_not_found');
    await context.close();
  });
});
