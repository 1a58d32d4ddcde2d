/**
 * The portal's first page downloads little JavaScript: every script the browser loads from the
 * address `/portal` until the customer's ticket list shows, gzipped, stays within 120 KB in every
 * language (each loads its own catalog). Printed by
 * `npm run bench:web`; checked here as well, since it does not depend on the machine.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../src/i18n/locales.js';
import { launch, openPage, pageErrors } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const TARGET_BYTES = 120 * 1024;

interface Script {
  name: string;
  raw: number;
  gzipped: number;
}

describe("the portal's initial JavaScript", () => {
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(NOW), launch()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every script the page loads from `/portal?locale=…` until the ticket list shows. */
  async function portalScripts(locale: string): Promise<Script[]> {
    const { context, page } = await openPage(browser, NOW);
    const signIn = await context.request.post(`${server.url}/api/v1/session`, { data: { email: 'dana@cobalt-freight.example', password: 'hourglass-customer' } });
    expect(signIn.ok()).toBe(true);
    const pending: Promise<Script>[] = [];
    const onResponse = (response: Response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(response.body().then((body) => ({ name: new URL(response.url()).pathname, raw: body.length, gzipped: gzipSync(body, { level: 9 }).length })));
    };
    page.on('response', onResponse);
    await page.goto(`${server.url}/portal?locale=${locale}`);
    await page.locator('table.tickets tbody tr').first().waitFor({ timeout: 15_000 });
    page.off('response', onResponse);
    const scripts = await Promise.all(pending);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
    return scripts;
  }

  it('is at most 120 KB gzipped until the ticket list shows, in every language', async () => {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const totals: Record<string, number> = {};
    for (const locale of LOCALES) {
      const scripts = await portalScripts(locale);
      expect(scripts.length).toBeGreaterThan(0);
      const total = scripts.reduce((sum, s) => sum + s.gzipped, 0);
      totals[locale] = total;
      console.info(
        [
          `portal's first page in ${locale}: ${scripts.length} scripts, ${kb(total)} gzipped (${kb(scripts.reduce((sum, s) => sum + s.raw, 0))} raw), target ${kb(TARGET_BYTES)}`,
          ...scripts.sort((a, b) => b.gzipped - a.gzipped).map((s) => `  ${kb(s.gzipped).padStart(9)}  ${s.name}`),
        ].join('\n'),
      );
    }
    for (const locale of LOCALES) expect(totals[locale], `gzipped JavaScript of the portal in ${locale} until the ticket list shows`).toBeLessThanOrEqual(TARGET_BYTES);
  }, 120_000);
});
