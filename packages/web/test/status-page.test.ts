/**
 * The public status page in Chromium, through the real server with the demo data: components in a
 * group with their uptime bars, an active incident and a resolved one made through the incidents API,
 * each incident's page, once with JavaScript turned off, once in German; axe finds no serious
 * violation, and the page's own style sheet passes its Content-Security-Policy.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, seriousViolations } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const ADMIN = { email: 'admin@hourglass.example', password: 'hourglass-admin' };
const ACTIVE = 'Delayed SMS delivery in Europe';
const RESOLVED = 'Console sign-in failures';

async function adminToken(url: string): Promise<string> {
  const session = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = session.headers.getSetCookie()[0]!.split(';')[0]!;
  const token = await fetch(`${url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: new URL(url).origin }, body: JSON.stringify({ name: 'status page test' }) });
  return ((await token.json()) as { token: string }).token;
}

async function call<T>(url: string, token: string, method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const BANNERS: Record<string, string> = { major: 'Partial system outage', critical: 'Major system outage' };
const GERMAN_BANNERS: Record<string, string> = { major: 'Teilweiser Systemausfall', critical: 'Schwerer Systemausfall' };

/** The overall indicator the public JSON shows (an incident of major impact is open: major or worse). */
async function indicator(url: string): Promise<string> {
  const status = (await (await fetch(`${url}/api/v2/status.json`)).json()) as { status: { indicator: string } };
  expect(['major', 'critical']).toContain(status.status.indicator);
  return status.status.indicator;
}

/** Collects the page's Content-Security-Policy complaints (a style sheet the policy refused). */
function cspComplaints(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  return found;
}

describe('the public status page in a browser', () => {
  const suite = browserSuite(NOW);
  let activeId: string;

  it('is set up through the incidents API and shows on the public JSON', async () => {
    const url = suite.server.url;
    const token = await adminToken(url);
    const group = await call<{ id: string }>(url, token, 'POST', '/api/v1/status/component-groups', { name: 'APIs', description: 'Programmable interfaces' });
    const messaging = await call<{ id: string }>(url, token, 'POST', '/api/v1/status/components', { key: 'messaging-eu', name: 'Messaging API (EU)', group_id: group.id });
    const consoleComponent = await call<{ id: string }>(url, token, 'POST', '/api/v1/status/components', { key: 'console', name: 'Console' });
    const active = await call<{ id: string }>(url, token, 'POST', '/api/v1/incidents', {
      kind: 'incident', name: ACTIVE, status: 'investigating', impact: 'major', body: 'Messages to European numbers arrive late.', components: [{ id: messaging.id, status: 'partial_outage' }], notify: false,
    });
    activeId = active.id;
    const resolved = await call<{ id: string }>(url, token, 'POST', '/api/v1/incidents', {
      kind: 'incident', name: RESOLVED, status: 'investigating', impact: 'minor', body: 'Some agents cannot sign in.', components: [{ id: consoleComponent.id, status: 'degraded_performance' }], notify: false,
    });
    await call(url, token, 'POST', `/api/v1/incidents/${resolved.id}/updates`, { status: 'resolved', body: 'Sign-in works again.', components: [{ id: consoleComponent.id, status: 'operational' }], notify: false });
    let summary: { incidents: { id: string }[] } = { incidents: [] };
    for (let i = 0; i < 50 && !summary.incidents.some((x) => x.id === activeId); i++) {
      summary = (await (await fetch(`${url}/api/v2/summary.json`)).json()) as typeof summary;
      if (!summary.incidents.some((x) => x.id === activeId)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(summary.incidents.map((x) => x.id)).toContain(activeId);
  });

  it('walks the page and an incident, accessible, its style allowed by the policy', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    const complaints = cspComplaints(page);
    try {
      await page.goto(`${suite.server.url}/status`);
      expect(await page.locator('h1').innerText()).toMatch(/status$/);
      // The demo data may hold incidents of its own: the banner says what the JSON's indicator says.
      expect(await page.getByRole('status').innerText()).toBe(BANNERS[await indicator(suite.server.url)]);
      const components = page.getByRole('region', { name: 'Components' });
      expect(await components.innerText()).toContain('Messaging API (EU)');
      expect(await components.innerText()).toContain('Console');
      expect(await page.locator('ol.bars').count()).toBeGreaterThanOrEqual(2);
      // The style sheet applies (its hash is in the policy): the bars lie in a row.
      expect(await page.locator('ol.bars').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(el).display)).toBe('flex');
      expect(await page.getByRole('region', { name: 'Past incidents (last 90 days)' }).innerText()).toContain(RESOLVED);
      expect(await page.getByRole('link', { name: 'Subscribe to updates' }).first().getAttribute('href')).toBe('/status/subscribe?locale=en');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: ACTIVE }).click();
      await page.waitForURL(`**/status/incidents/${activeId}**`);
      expect(await page.locator('h1').innerText()).toBe(ACTIVE);
      expect(await page.getByRole('region', { name: 'Updates' }).innerText()).toContain('Messages to European numbers arrive late.');
      expect(await page.getByRole('region', { name: 'Affected components' }).innerText()).toContain('Messaging API (EU)');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Back to the status page' }).click();
      await page.waitForURL('**/status?locale=en');
      expect(complaints).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads the same with JavaScript turned off', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await page.goto(`${suite.server.url}/status`);
      const text = await page.locator('main').innerText();
      for (const expected of [BANNERS[await indicator(suite.server.url)], 'Messaging API (EU)', 'Console', ACTIVE, RESOLVED, 'Messages to European numbers arrive late.']) expect(text).toContain(expected);
      await page.getByRole('link', { name: RESOLVED }).click();
      await page.waitForURL('**/status/incidents/**');
      expect(await page.locator('main').innerText()).toContain('Sign-in works again.');
      // The subscription page (status subscriptions' own) is a plain link away, in the same language.
      await page.getByRole('link', { name: 'Subscribe to updates' }).first().click();
      await page.waitForURL('**/status/subscribe?locale=en');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('speaks German to a German browser, and switches language by its links', async () => {
    const { context, page } = await openPage(suite.browser, NOW, { locale: 'de-DE' });
    const complaints = cspComplaints(page);
    try {
      await page.goto(`${suite.server.url}/status`);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect(await page.getByRole('status').innerText()).toBe(GERMAN_BANNERS[await indicator(suite.server.url)]);
      expect(await page.getByRole('region', { name: 'Komponenten' }).innerText()).toContain('Teilausfall');
      expect(await page.locator('footer').innerText()).toContain('Alle Zeiten in UTC');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: ACTIVE }).click();
      await page.waitForURL('**/status/incidents/**');
      expect(await page.getByRole('region', { name: 'Aktualisierungen' }).innerText()).toMatch(/Wird untersucht/);
      expect(await page.locator('main').innerText()).toMatch(/\d{2}:\d{2} UTC/);
      await page.getByRole('link', { name: 'Español' }).click();
      await page.waitForURL('**locale=es');
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await page.getByRole('region', { name: 'Actualizaciones' }).count()).toBe(1);
      expect(complaints).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
