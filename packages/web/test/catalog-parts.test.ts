/**
 * Each area loads the parts of the catalogs it shows with its code (src/i18n/parts.ts): the portal's
 * first page only the common part, a ticket's pages and the console and admin areas theirs before
 * they render, so no page ever shows (even for a moment) a message id in place of its text. A
 * missing message is reported in the console by the app's formatter (src/i18n/active.ts).
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

/** The app's reports of missing messages, and the catalog parts the page downloaded (`ru/common`…). */
function watch(page: Page): { missing: string[]; parts: () => string[] } {
  const missing: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('[i18n]')) missing.push(message.text());
  });
  page.on('request', (request: Request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return { missing, parts: () => scripts.map((path) => /\/(?:[a-zA-Z]+(?:-[A-Z]+)?-)?(common|ticket|staff)-[\w-]+\.js$/.exec(path)?.[1]).filter((part) => part !== undefined) };
}

describe('the parts of the catalogs in a browser', () => {
  const suite = browserSuite(NOW);

  async function signedIn(email: string, password: string) {
    const { context, page } = await openPage(suite.browser, NOW);
    const answer = await context.request.post(`${suite.server.url}/api/v1/session`, { data: { email, password } });
    expect(answer.ok()).toBe(true);
    return { context, page, seen: watch(page) };
  }

  it("load a ticket's texts as the customer opens a ticket and the new ticket form, in Russian", async () => {
    const { context, page, seen } = await signedIn('dana@cobalt-freight.example', 'hourglass-customer');
    await page.goto(`${suite.server.url}/portal?locale=ru`);
    await page.locator('table.tickets tbody tr a').first().waitFor();
    expect(seen.parts()).toEqual(['common']);

    await page.locator('table.tickets tbody tr a').first().click();
    await page.waitForURL(/\/portal\/tickets\//);
    await poll(() => seen.parts()).toEqual(['common', 'ticket']);
    await page.waitForLoadState('networkidle');

    await page.goto(`${suite.server.url}/portal/new`);
    await page.locator('form').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(seen.missing).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('load the console and admin texts with their areas', async () => {
    const agent = await signedIn('lena.vogt@hourglass.example', 'hourglass-agent');
    await agent.page.goto(`${suite.server.url}/console?locale=de`);
    await agent.page.locator('table.queue tbody tr').first().waitFor();
    expect(new Set(agent.seen.parts())).toEqual(new Set(['common', 'ticket', 'staff']));
    expect(agent.seen.missing).toEqual([]);
    await agent.context.close();

    const admin = await signedIn('admin@hourglass.example', 'hourglass-admin');
    for (const path of ['/admin', '/admin/agents', '/admin/policies', '/admin/calendars', '/admin/webhooks']) {
      await admin.page.goto(`${suite.server.url}${path}?locale=pt-BR`);
      await admin.page.locator('h1').first().waitFor();
      await admin.page.waitForLoadState('networkidle');
    }
    expect(admin.seen.missing).toEqual([]);
    expect(pageErrors(admin.page)).toEqual([]);
    await admin.context.close();
  });
});
