import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');

/** Records every Content-Security-Policy violation and console error the page reports. */
async function watchViolations(page: Page): Promise<{ consoleErrors: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.addInitScript({
    content: `window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.__cspViolations.push(event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')'));`,
  });
  return { consoleErrors };
}

const violationsOn = (page: Page) => page.evaluate<string[]>('window.__cspViolations ?? []');

describe('the web app and the API docs under the Content-Security-Policy', () => {
  const suite = browserSuite(NOW);

  it('serves the app with the CSP and runs the portal and the console without a single violation', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    const watch = await watchViolations(page);
    const home = await page.goto(`${suite.server.url}/login`);
    const csp = home?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(home?.headers()['x-frame-options']).toBe('DENY');

    await signIn(page, suite.server.url, 'riley@bluefin-apps.example', 'hourglass-customer');
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await poll(() => page.getByRole('table').textContent()).toContain('Inbound SMS webhooks time out');
    await page.getByRole('link', { name: 'Inbound SMS webhooks time out' }).first().click();
    await page.waitForURL(/\/portal\/tickets\//);
    await page.getByRole('heading', { name: 'Inbound SMS webhooks time out' }).waitFor();
    expect(await violationsOn(page)).toEqual([]);

    // Signing in again as staff: a cookie write (POST /session) from the page itself passes the cross-site check.
    await context.clearCookies();
    await signIn(page, suite.server.url, 'lena.vogt@hourglass.example', 'hourglass-agent');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await violationsOn(page)).toEqual([]);
    expect(watch.consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    // The watch is live: an inline style the policy forbids is reported.
    await page.evaluate(`document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')`);
    await poll(() => violationsOn(page)).toEqual([expect.stringContaining('style-src')]);
    await context.close();
  });

  it('shows the API docs (Swagger UI) under their own policy without a violation', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    const watch = await watchViolations(page);
    const docs = await page.goto(`${suite.server.url}/docs/`);
    expect(docs?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByText('Hourglass API').first().waitFor({ timeout: 20_000 });
    await page.locator('.opblock').first().waitFor();
    expect(await violationsOn(page)).toEqual([]);
    expect(watch.consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    await context.close();
  });
});
