import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

/** Wed 25 Nov 2026, 16:30 in Los Angeles. */
const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const PASSWORD = 'hourglass-customer';
/** Dunmore Savings Bank: twilio Personalized, escalation included with a 1h response on 24x7; zone America/Los_Angeles. */
const BANK = 'evan@dunmore-bank.example';
/** Bluefin Apps: twilio Bootstrap, no escalation. */
const BOOTSTRAP = 'riley@bluefin-apps.example';
/** Fjordline Travel: 360dialog Gold partner with a growth manager. */
const PARTNER = 'gabriel@fjordline-travel.example';
const AGENT = 'lena.vogt@hourglass.example';

describe('escalation in a browser', () => {
  const suite = browserSuite(NOW);

  it('lets a customer escalate with one of the plan\'s reasons, refuses no reason at the field, and the agent sees it on the ticket and in the queue', async () => {
    const customer = await openPage(suite.browser, NOW);
    const page = customer.page;
    await signIn(page, suite.server.url, BANK, PASSWORD);
    await page.getByRole('link', { name: /Choppy audio on conference calls/ }).click();
    const panel = page.getByRole('region', { name: 'Escalation' });
    await panel.getByRole('button', { name: 'Escalate' }).click();
    const reasons = panel.getByRole('group', { name: 'Why do you escalate?' });
    expect(await reasons.getByRole('radio').count()).toBe(2);
    await reasons.getByLabel(/not getting a meaningful response/).waitFor();
    expect(await panel.textContent()).toContain('A response is due within 1h, around the clock.');

    // No reason chosen: nothing is sent and the reasons say why.
    await panel.getByRole('button', { name: 'Confirm escalation' }).click();
    await poll(() => panel.locator('#escalation-reason-error').textContent()).toBe('Choose the reason for the escalation.');
    expect(await reasons.getByRole('radio').first().getAttribute('aria-invalid')).toBe('true');
    expect(await reasons.getByRole('radio').first().getAttribute('aria-describedby')).toBe('escalation-reason-error');
    await screenshot(page, 'customer-escalate-refused');
    expect(await seriousViolations(page)).toEqual([]);

    await reasons.getByLabel(/critical blocker/).check();
    await panel.getByLabel(/^Note/).fill('Payments IVR is down; our CTO is available on +1 206 555 0100.');
    await panel.getByRole('button', { name: 'Confirm escalation' }).click();
    await poll(() => panel.getByRole('status').textContent()).toContain('The ticket is escalated');
    const text = async () => (await panel.textContent()) ?? '';
    await poll(text).toContain('Reason: A critical blocker is hurting my business');
    expect(await text()).toContain('Note: Payments IVR is down');
    expect(await text()).toContain('Raised by you, Wed 25 Nov, 16:30');
    expect(await text()).toContain('Response within 1h, due Wed 25 Nov, 17:30 America/Los_Angeles (PST), around the clock');
    expect(await text()).toMatch(/awaiting a response, due in (1h|59m \d{1,2}s)/);
    expect(await text()).toContain('waiting for the response; you can escalate again once it is answered');
    expect(await panel.getByRole('button', { name: 'Escalate' }).count()).toBe(0);
    await screenshot(page, 'customer-escalated');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '← My tickets' }).click();
    await poll(() => page.getByRole('row', { name: /Choppy audio on conference calls/ }).getByText('Escalated', { exact: true }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await customer.context.close();

    const staff = await openPage(suite.browser, NOW);
    await signIn(staff.page, suite.server.url, AGENT, 'hourglass-agent');
    await staff.page.getByRole('heading', { name: 'Queue' }).waitFor();
    const row = staff.page.getByRole('row', { name: /Choppy audio on conference calls/ });
    await poll(() => row.getByText('Escalated', { exact: true }).count()).toBe(1);
    expect(await staff.page.locator('table.queue .badge-escalated').count()).toBe(1);
    // The escalation's response (1h on 24x7) is the ticket's time to breach.
    expect(await row.locator('td:first-child .due').getAttribute('data-due')).toBe('2026-11-26T01:30:00.000Z');
    await screenshot(staff.page, 'agent-queue-escalated');
    expect(await seriousViolations(staff.page)).toEqual([]);

    await row.getByRole('link', { name: /Choppy audio/ }).click();
    const escalations = staff.page.getByRole('region', { name: 'Escalations' });
    await poll(() => escalations.textContent()).toContain('Reason: A critical blocker');
    // Names come from the staff directory, which loads beside the ticket.
    await poll(() => escalations.textContent()).toContain('Raised by Evan Holloway');
    const seen = (await escalations.textContent()) ?? '';
    expect(seen).toContain('Note: Payments IVR is down');
    expect(seen).toContain('Raised by Evan Holloway, Thu 26 Nov, 01:30');
    expect(seen).toContain('due Thu 26 Nov, 02:30 Europe/Berlin (GMT+1), around the clock');
    expect(seen).toMatch(/awaiting a response, due in (1h|59m \d{1,2}s)/);
    await screenshot(staff.page, 'agent-ticket-escalated');
    expect(await seriousViolations(staff.page)).toEqual([]);

    // A public reply answers it: the state says so and the queue badge goes.
    await staff.page.locator('#agent-reply').fill('We are on the conference bridge now and see the media region at fault.');
    await staff.page.getByRole('button', { name: /^Send/ }).click();
    await poll(() => escalations.textContent()).toContain('answered in time');
    await staff.page.getByRole('link', { name: '← Queue' }).click();
    await poll(() => staff.page.getByRole('row', { name: /Choppy audio on conference calls/ }).count()).toBe(1);
    expect(await staff.page.locator('table.queue .badge-escalated').count()).toBe(0);
    expect(pageErrors(staff.page)).toEqual([]);
    await staff.context.close();
  });

  it('shows no Escalate action on a plan without escalation, and says why', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, BOOTSTRAP, PASSWORD);
    await page.getByRole('link', { name: /Inbound SMS webhooks time out/ }).click();
    const panel = page.getByRole('region', { name: 'Escalation' });
    await poll(() => panel.textContent()).toContain('Your Bootstrap plan does not include escalation. Escalation is part of the Personalized plan.');
    expect(await page.getByRole('button', { name: 'Escalate' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('lets a partner escalate through the growth manager, with the service\'s refusal shown at the field', async () => {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, PARTNER, PASSWORD);
    await page.waitForURL((address) => address.pathname.startsWith('/portal'));
    // Gabriel's profile is Brazilian Portuguese; this test reads the English texts (the address's language holds for the visit).
    await page.goto(`${suite.server.url}/portal?locale=en`);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    const created = await page.request.post(`${suite.server.url}/api/v1/tickets`, {
      // A cookie session writes from the desk's own origin, as the page itself would.
      headers: { origin: suite.server.url },
      data: { subject: 'Number stuck in pending review', description: 'Our second number has been pending review for three days.' },
    });
    expect(created.status()).toBe(201);
    const ticket = (await created.json()) as { id: string };
    await page.goto(`${suite.server.url}/portal/tickets/${ticket.id}`);
    const panel = page.getByRole('region', { name: 'Escalation' });
    await panel.getByRole('button', { name: 'Escalate' }).click();
    const why = panel.getByLabel('Why the ticket needs your growth manager');
    await why.fill('ab');
    await panel.getByRole('button', { name: 'Confirm escalation' }).click();
    await poll(() => panel.locator('#escalation-reason-error').textContent()).toBe('Say in a few words why the ticket needs your growth manager.');
    expect(await why.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await why.fill('The launch of our Brazil campaign on Monday depends on this number.');
    await panel.getByRole('button', { name: 'Confirm escalation' }).click();
    await poll(() => panel.textContent()).toContain('Through the growth manager');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Reason: The launch of our Brazil campaign');
    expect(text).toContain('No response target.');
    expect(text).toContain('awaiting a response (no response target)');
    await screenshot(page, 'customer-escalated-growth-manager');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
