/**
 * Incidents in a browser, through the real server with the demo data: an admin adds a component;
 * an agent opens an incident on it, links a customer's ticket, posts an update that replies on the
 * ticket, resolves it, writes and publishes the RFO; the customer sees the known issue on the new
 * ticket page while it is active, and the RFO on their ticket, and can ask for it. Once in German.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageErrors, poll, screenshot, seriousViolations, signIn } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const ADMIN = { email: 'admin@hourglass.example', password: 'hourglass-admin' };
const AGENT = { email: 'lena.vogt@hourglass.example', password: 'hourglass-agent' };
const GERMAN_AGENT = { email: 'irina.sokolova@hourglass.example', password: 'hourglass-agent' };
const CUSTOMER = { email: 'dana@cobalt-freight.example', password: 'hourglass-customer' };
const GERMAN_CUSTOMER = { email: 'frieda@elmtree-retail.example', password: 'hourglass-customer' };
const COMPONENT = 'Messaging API (EU)';
const INCIDENT = 'Delayed SMS delivery in Europe';
/** Each test walks several pages as two or three people: room for a busy machine. */
const TEST_MS = 120_000;

interface TicketRef {
  id: string;
  number: number;
  subject: string;
}

describe('incidents in a browser', () => {
  const suite = browserSuite(NOW);
  let ticket: TicketRef;
  let incidentUrl: string;

  async function signedIn(who: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await openPage(suite.browser, NOW);
    await signIn(page, suite.server.url, who.email, who.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.locator('h1').first().waitFor();
    return { context, page };
  }

  it('lets an admin add a component serving a product, with the refusals at the fields', async () => {
    const { context, page } = await signedIn(ADMIN);
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Status components' }).click();
    await page.getByRole('heading', { name: 'Status page components', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Add a component' });
    await form.getByLabel('Key').waitFor();

    // Nothing given: both messages at their fields; a key that is no slug: the service's message at the key.
    await form.getByRole('button', { name: 'Add a component' }).click();
    await poll(() => form.locator('#component-new-key-error').textContent()).toContain('Give the component a key');
    expect(await form.locator('#component-new-name-error').textContent()).toContain('Give the component a name');
    await form.getByLabel('Key').fill('Messaging EU');
    await form.getByLabel(/^Name/).fill(COMPONENT);
    await form.getByRole('checkbox', { name: /messaging$/ }).check();
    await form.getByRole('button', { name: 'Add a component' }).click();
    await poll(() => form.locator('#component-new-key-error').textContent()).toContain('slug');
    expect(await form.getByLabel('Key').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel('Key').fill('messaging-eu');
    await form.getByRole('button', { name: 'Add a component' }).click();
    await poll(() => page.getByRole('main').textContent()).toContain(`${COMPONENT} is saved.`);
    const row = page.getByRole('region', { name: 'Components' }).getByRole('row', { name: new RegExp(COMPONENT.replace(/[()]/g, '\\$&')) });
    await poll(() => row.textContent()).toContain('messaging-eu');
    expect(await row.textContent()).toContain('Operational');
    await screenshot(page, 'incidents-admin-components');
    expect(await seriousViolations(page)).toEqual([]);

    // A group, the component moved into it; a second group deleted after the question.
    const groupForm = page.getByRole('form', { name: 'Add a group' });
    for (const name of ['Europe', 'Spare']) {
      await groupForm.getByLabel(/^Group name/).fill(name);
      await groupForm.getByRole('button', { name: 'Add a group' }).click();
      await poll(() => page.getByRole('main').textContent()).toContain(`${name} is saved.`);
    }
    await row.getByRole('button', { name: `Edit ${COMPONENT}` }).click();
    const change = page.getByRole('form', { name: `Change the component ${COMPONENT}` });
    await change.getByLabel('Group').selectOption({ label: 'Europe' });
    await change.getByRole('button', { name: 'Save' }).click();
    await poll(() => row.textContent()).toContain('Europe');
    const groups = page.getByRole('region', { name: 'Groups', exact: true });
    await groups.getByRole('button', { name: 'Delete Spare' }).click();
    await poll(() => groups.getByRole('group').textContent()).toContain('Delete the group Spare? Its components stay, without a group.');
    await groups.getByRole('button', { name: 'Delete', exact: true }).click();
    await poll(() => page.getByRole('main').textContent()).toContain('Spare is deleted.');
    await poll(() => groups.getByRole('row', { name: /Spare/ }).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, TEST_MS);

  it("opens an incident on the component, links the customer's ticket, and the customer sees the known issue before writing", async () => {
    // The customer's ticket the agent will link.
    const customer = await signedIn(CUSTOMER);
    const list = await customer.context.request.get(`${suite.server.url}/api/v1/tickets`);
    expect(list.status(), await list.text()).toBe(200);
    const first = ((await list.json()) as { items: (TicketRef & { status: string })[] }).items.find((t) => t.status !== 'solved' && t.status !== 'closed');
    expect(first).toBeDefined();
    ticket = first!;

    const { context, page } = await signedIn(AGENT);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'New incident' }).click();
    await page.getByRole('heading', { name: 'New incident', level: 1 }).waitFor();

    // Sent empty: the name and the message say what is missing, at their fields.
    await page.getByRole('button', { name: 'Open the incident' }).click();
    await poll(() => page.locator('#incident-name-error').textContent()).toContain('Give a name customers understand');
    expect(await page.locator('#incident-body-error').textContent()).toContain('Write the message');
    expect(await page.getByLabel(/^Name/).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(/^Name/).fill(INCIDENT);
    // A field's message goes as the field is corrected; the other's stays.
    await poll(() => page.locator('#incident-name-error').count()).toBe(0);
    expect(await page.locator('#incident-body-error').count()).toBe(1);
    await page.getByLabel('Impact').selectOption('major');
    await page.getByLabel(/^Message/).fill('Some SMS to European numbers arrive late. We are investigating.');
    await page.getByRole('checkbox', { name: new RegExp(COMPONENT.replace(/[()]/g, '\\$&')) }).check();
    await page.getByLabel(`Status of ${COMPONENT}`).selectOption('partial_outage');
    await page.getByLabel('Notify subscribers').uncheck();
    await screenshot(page, 'incidents-new');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open the incident' }).click();
    await page.getByRole('heading', { name: INCIDENT, level: 1 }).waitFor();
    incidentUrl = page.url();
    expect(incidentUrl).toMatch(/\/console\/incidents\/[0-9a-f-]{36}$/);
    const facts = page.locator('dl.facts');
    await poll(() => facts.textContent()).toContain('Investigating');
    expect(await facts.textContent()).toContain('Major');
    expect(await page.getByRole('link', { name: 'Open the incident on the status page' }).getAttribute('href')).toMatch(/\/status\/incidents\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('region', { name: 'Affected components' }).textContent()).toContain(`${COMPONENT}: Partial outage`);
    // The impact turns out worse: changed behind the disclosure.
    await page.getByText('Change the name or the impact').click();
    const change = page.getByRole('form', { name: 'Change the name or the impact' });
    await change.getByLabel('Impact').selectOption('critical');
    await change.getByRole('button', { name: 'Save the change' }).click();
    await poll(() => facts.textContent()).toContain('Critical');
    expect(await page.getByRole('main').textContent()).toContain('The change is saved.');

    // The ticket is linked from its workspace's Incidents panel.
    await page.goto(`${suite.server.url}/console/tickets/${ticket.id}`);
    const panel = page.getByRole('region', { name: 'Incidents' });
    await panel.getByLabel('Active incident', { exact: true }).selectOption({ label: INCIDENT });
    await panel.getByRole('button', { name: 'Link' }).click();
    await poll(() => panel.textContent()).toContain(`This ticket is linked to ${INCIDENT}.`);
    await poll(() => panel.getByRole('link', { name: INCIDENT }).count()).toBe(1);
    await screenshot(page, 'incidents-workspace-panel');
    expect(await seriousViolations(page)).toEqual([]);

    // The incident's page lists it, with a link to the workspace.
    await page.goto(incidentUrl);
    const linked = page.getByRole('region', { name: /Linked tickets/ });
    await poll(() => linked.getByRole('link', { name: new RegExp(`^#${ticket.number} `) }).getAttribute('href')).toBe(`/console/tickets/${ticket.id}`);
    expect(await linked.getByRole('heading').textContent()).toBe('Linked tickets (1)');
    expect(await linked.textContent()).toContain('also be linked from the Incidents panel of its workspace');

    // Linking by number from the incident's page: refusals at the field, then unlinked and linked again.
    const byNumber = linked.getByRole('form', { name: 'Link a ticket by its number' });
    await byNumber.getByLabel('Ticket number').fill('twelve');
    await byNumber.getByRole('button', { name: 'Link ticket' }).click();
    await poll(() => byNumber.locator('#link-ticket-number-error').textContent()).toBe('Enter a ticket number, such as 123.');
    await byNumber.getByLabel('Ticket number').fill('987654321');
    await byNumber.getByRole('button', { name: 'Link ticket' }).click();
    await poll(() => byNumber.locator('#link-ticket-number-error').textContent()).not.toBe('');
    expect(await byNumber.getByLabel('Ticket number').getAttribute('aria-invalid')).toBe('true');
    await linked.getByRole('button', { name: new RegExp(`#${ticket.number}`) }).click();
    await poll(() => linked.textContent()).toContain(`Ticket #${ticket.number} is no longer linked.`);
    await byNumber.getByLabel('Ticket number').fill(`#${ticket.number}`);
    await byNumber.getByRole('button', { name: 'Link ticket' }).click();
    await poll(() => linked.textContent()).toContain(`Ticket #${ticket.number} is linked.`);
    await poll(() => linked.getByRole('link', { name: new RegExp(`^#${ticket.number} `) }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    // The customer, before writing: the notice names the incident for the messaging product only.
    const portal = customer.page;
    await portal.goto(`${suite.server.url}/portal/new`);
    await portal.getByRole('heading', { name: 'New ticket', level: 1 }).waitFor();
    const notice = portal.locator('.known-issues');
    expect(await notice.getAttribute('role')).toBe('status');
    await portal.getByLabel('Product', { exact: true }).selectOption('messaging');
    await poll(() => notice.textContent()).toContain(`Known issue: ${INCIDENT} — follow it on the status page.`);
    expect(await notice.getByRole('link', { name: 'follow it on the status page' }).first().getAttribute('href')).toMatch(/\/status\/incidents\/[0-9a-f-]{36}$/);
    await screenshot(customer.page, 'incidents-known-issue');
    expect(await seriousViolations(portal)).toEqual([]);
    await portal.getByLabel('Product', { exact: true }).selectOption('voice');
    await poll(() => notice.textContent()).not.toContain(INCIDENT);
    expect(pageErrors(portal)).toEqual([]);
    await customer.context.close();
  }, TEST_MS);

  it('posts an update that replies on the linked ticket, resolves, and relays the published RFO the customer asked for', async () => {
    const { context, page } = await signedIn(AGENT);
    await page.goto(incidentUrl);
    await page.getByRole('heading', { name: INCIDENT, level: 1 }).waitFor();
    const update = page.getByRole('region', { name: 'Post an update' });
    await update.getByLabel('Status', { exact: true }).selectOption('identified');
    await update.getByLabel(/^Message/).fill('A carrier route in Frankfurt drops messages; traffic is moving to another route.');
    await update.getByLabel('Also reply on the 1 linked ticket').check();
    await update.getByRole('button', { name: 'Post the update' }).click();
    await poll(() => update.textContent()).toContain('Update posted: Identified. It is also a reply on 1 ticket.');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await poll(() => timeline.textContent()).toContain('A carrier route in Frankfurt drops messages');

    // Resolved, the component operational again: the RFO editor appears in place of the update form.
    await update.getByLabel('Status', { exact: true }).selectOption('resolved');
    await update.getByLabel(/^Message/).fill('Messages flow normally again.');
    await update.getByRole('checkbox', { name: new RegExp(COMPONENT.replace(/[()]/g, '\\$&')) }).check();
    await update.getByLabel(`Status of ${COMPONENT}`).selectOption('operational');
    await update.getByRole('button', { name: 'Post the update' }).click();
    const rfo = page.getByRole('region', { name: 'Reason for outage (RFO)' });
    await rfo.waitFor();
    await poll(() => timeline.textContent()).toContain(`${COMPONENT}: Partial outage → Operational`);
    expect(await page.locator('dl.facts').textContent()).toContain('Resolved');
    expect(await seriousViolations(page)).toEqual([]);

    // The customer's ticket: the update as a reply, the incident resolved, and the RFO asked for.
    const customer = await signedIn(CUSTOMER);
    await customer.page.goto(`${suite.server.url}/portal/tickets/${ticket.id}`);
    const related = customer.page.getByRole('region', { name: 'Related incident' });
    await poll(() => related.textContent()).toContain(INCIDENT);
    expect(await related.textContent()).toContain('Status: Resolved.');
    expect(await related.getByRole('link', { name: 'Follow it on the status page' }).getAttribute('href')).toMatch(/\/status\/incidents\/[0-9a-f-]{36}$/);
    await poll(() => customer.page.getByRole('region', { name: 'Conversation' }).textContent()).toContain('A carrier route in Frankfurt drops messages');
    await related.getByRole('button', { name: 'Ask for the RFO' }).click();
    await poll(() => related.textContent()).toContain(`Thank you. We will add the RFO of ${INCIDENT} to this ticket as soon as it is published.`);
    expect(await seriousViolations(customer.page)).toEqual([]);

    // The agent writes the RFO, previews it as the service renders it (raw HTML stays text), publishes.
    await rfo.getByLabel('RFO in Markdown').fill('## What happened\n\nA carrier route **dropped** messages.\n\n<script>alert(1)</script>');
    await rfo.getByRole('button', { name: 'Save and preview' }).click();
    const preview = rfo.getByRole('region', { name: 'Preview' });
    await poll(() => preview.getByRole('heading', { name: 'What happened' }).count()).toBe(1);
    expect(await preview.locator('strong').textContent()).toBe('dropped');
    expect(await preview.locator('script').count()).toBe(0);
    await rfo.getByRole('button', { name: 'Publish the RFO' }).click();
    await poll(() => rfo.textContent()).toContain('The RFO is published and relayed on the affected tickets.');
    await poll(() => rfo.textContent()).toMatch(/Published \w{3} \d+ \w{3}, \d\d:\d\d/);
    await screenshot(page, 'incidents-rfo');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    // The customer reads it on the ticket, and once more as a reply; asking again adds nothing new.
    await customer.page.reload();
    const rfoOnTicket = customer.page.getByRole('region', { name: 'Reason for outage' });
    await poll(() => rfoOnTicket.getByRole('heading', { name: 'What happened' }).count()).toBe(1);
    await poll(() => customer.page.getByRole('region', { name: 'Conversation' }).textContent()).toContain('What happened');
    await customer.page.getByRole('button', { name: 'Ask for the RFO' }).click();
    await poll(() => customer.page.getByRole('region', { name: 'Related incident' }).textContent()).toContain(`The RFO of ${INCIDENT} is already on this ticket.`);
    await screenshot(customer.page, 'incidents-rfo-on-ticket');
    expect(await seriousViolations(customer.page)).toEqual([]);
    expect(pageErrors(customer.page)).toEqual([]);
    await customer.context.close();
  }, TEST_MS);

  it('lists drafts from monitoring apart, and publishes one from the list', async () => {
    const { context, page } = await signedIn(AGENT);
    const components = (await (await context.request.get(`${suite.server.url}/api/v1/status/components`)).json()) as { components: { id: string; key: string }[] };
    const component = components.components.find((c) => c.key === 'messaging-eu');
    expect(component).toBeDefined();
    const draft = await context.request.post(`${suite.server.url}/api/v1/incidents`, {
      headers: { origin: suite.server.url },
      data: { kind: 'incident', name: 'Error rate above 5% on messaging-eu', status: 'investigating', body: 'Opened by an alert.', components: [{ id: component!.id, status: 'degraded_performance' }], draft: true },
    });
    expect(draft.status(), await draft.text()).toBe(201);

    await page.goto(`${suite.server.url}/console/incidents`);
    const drafts = page.getByRole('region', { name: 'Drafts from monitoring', exact: true });
    const row = drafts.getByRole('row', { name: /Error rate above 5%/ });
    await poll(() => row.textContent()).toContain('Draft');
    expect(await page.getByRole('region', { name: 'Active incidents', exact: true }).textContent()).not.toContain('Error rate above 5%');
    await screenshot(page, 'incidents-console');
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Publish Error rate above 5% on messaging-eu' }).click();
    await poll(() => page.getByRole('main').textContent()).toContain('Error rate above 5% on messaging-eu is published on the status page.');
    await poll(() => page.getByRole('region', { name: 'Active incidents', exact: true }).textContent()).toContain('Error rate above 5%');
    expect(await page.getByRole('region', { name: 'Drafts from monitoring', exact: true }).count()).toBe(0);

    // Resolved again, so the known issue of the German test is the only one on messaging-eu.
    await page.getByRole('link', { name: 'Error rate above 5% on messaging-eu' }).click();
    const update = page.getByRole('region', { name: 'Post an update' });
    await update.getByLabel('Status', { exact: true }).selectOption('resolved');
    await update.getByLabel(/^Message/).fill('False alarm.');
    await update.getByRole('button', { name: 'Post the update' }).click();
    await page.getByRole('region', { name: 'Reason for outage (RFO)' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, TEST_MS);

  it('in German: an agent schedules maintenance in her own zone, and a customer reads the known issue in German', async () => {
    const { context, page } = await signedIn(GERMAN_AGENT);
    await page.goto(`${suite.server.url}/console/incidents?locale=de`);
    await page.getByRole('heading', { name: 'Vorfälle', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Wartung planen' }).click();
    await page.getByRole('heading', { name: 'Wartung planen', level: 1 }).waitFor();
    // Irina works in Europe/Berlin: the window is read in her zone.
    expect(await page.getByRole('group', { name: 'Wartungsfenster' }).textContent()).toContain('Europe/Berlin');
    await page.getByLabel(/^Name/).fill('Datenbank-Upgrade');
    await page.getByLabel(/^Von/).fill('2026-11-28T02:00');
    await page.getByLabel(/^Bis/).fill('2026-11-28T01:00');
    await page.getByLabel(/^Nachricht/).fill('Kurze Unterbrechungen beim Versand sind möglich.');
    await page.getByRole('checkbox', { name: new RegExp(COMPONENT.replace(/[()]/g, '\\$&')) }).check();
    expect(await page.getByLabel(`Status von ${COMPONENT}`).inputValue()).toBe('under_maintenance');
    await page.getByRole('button', { name: 'Wartung planen' }).click();
    await poll(() => page.locator('#maintenance-until-error').textContent()).toBe('Das Ende muss nach dem Beginn liegen.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(/^Bis/).fill('2026-11-28T04:00');
    await page.getByRole('button', { name: 'Wartung planen' }).click();
    await page.getByRole('heading', { name: 'Datenbank-Upgrade', level: 1 }).waitFor();
    const facts = page.locator('dl.facts');
    await poll(() => facts.textContent()).toContain('Geplant');
    expect(await facts.textContent()).toMatch(/Sa\., 28\. Nov\., 02:00 bis Sa\., 28\. Nov\., 04:00 \(Europe\/Berlin/);
    await screenshot(page, 'incidents-maintenance-de');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);

    // An incident on the component, for the German customer to see.
    await page.goto(`${suite.server.url}/console/incidents/new`);
    await page.getByRole('heading', { name: 'Neuer Vorfall', level: 1 }).waitFor();
    await page.getByLabel(/^Name/).fill('Verzögerte Zustellung von Nachrichten');
    await page.getByLabel(/^Nachricht/).fill('Wir untersuchen das.');
    await page.getByRole('checkbox', { name: new RegExp(COMPONENT.replace(/[()]/g, '\\$&')) }).check();
    await page.getByRole('button', { name: 'Vorfall eröffnen' }).click();
    await page.getByRole('heading', { name: 'Verzögerte Zustellung von Nachrichten', level: 1 }).waitFor();
    await context.close();

    const customer = await signedIn(GERMAN_CUSTOMER);
    await customer.page.goto(`${suite.server.url}/portal/new`);
    await customer.page.getByRole('heading', { name: 'Neues Ticket', level: 1 }).waitFor();
    await customer.page.getByLabel('Produkt', { exact: true }).selectOption('messaging');
    const notice = customer.page.locator('.known-issues');
    await poll(() => notice.textContent()).toContain('Bekanntes Problem: Verzögerte Zustellung von Nachrichten – verfolgen Sie es auf der Statusseite.');
    // Maintenance is no incident: it is not named as a known issue.
    expect(await notice.textContent()).not.toContain('Datenbank-Upgrade');
    expect(await seriousViolations(customer.page)).toEqual([]);
    expect(pageErrors(customer.page)).toEqual([]);
    await customer.context.close();
  }, TEST_MS);
});
