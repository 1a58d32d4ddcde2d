import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, CUSTOMER_B, MANAGER, START, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

/**
 * Availability, packages, fees and credit requests through the HTTP API on a real database. The
 * clock stands at 2 March 2026 17:00 UTC: February has ended, March is in progress.
 *
 * mail-send, hand-computed:
 * - January 2026 (31 days, A = 44 640 min): major outage 31 Jan 23:50 → 1 Feb 00:05 gives January
 *   10 min → 44 630 / 44 640 = 99.977599…%: above 99.95%.
 * - February 2026 (28 days, A = 40 320 min): 5 min of that incident, plus a major outage of 10 min
 *   on 10 Feb; 6 h of maintenance and 2 h of degraded performance do not count: B = 15 →
 *   40 305 / 40 320 = 99.962797…%: above 99.95%, below 99.99%.
 * - March 2026 so far: 1 Mar 00:00 → 2 Mar 17:00 = 41 h = 2 460 min, nothing down: 100%.
 * Bluefin Apps holds the Email Deliverability package from 15 February: February's threshold on
 * mail-send is 99.99%, January's 99.95%. Its February fee of 1 234.56 USD makes the credit
 * 10% = 123.456 → 123.46 USD.
 *
 * avail-voice: February, major outage 60 min → B = 60 > 20.16 allowed at 99.95%: a shortfall,
 * with no fee recorded.
 */
describe.each(DATABASE_KINDS)('availability and credits through the API on %s', (kind) => {
  let service: TestService;
  let admin: string;
  let agent: string;
  let customer: string;
  let otherCustomer: string;
  let bluefin: string;
  let mailSend: string;
  let voice: string;

  const get = (auth: string, url: string, headers: Record<string, string> = {}) => service.request(auth, { method: 'GET', url, headers });
  const send = (auth: string, method: 'POST' | 'PUT', url: string, payload: unknown, headers: Record<string, string> = {}) =>
    service.request(auth, { method, url, payload: payload as object, headers });

  beforeAll(async () => {
    service = await startTestService(kind);
    [admin, agent, customer, otherCustomer] = [await service.signIn(ADMIN), await service.signIn(AGENT), await service.signIn(CUSTOMER_A), await service.signIn(CUSTOMER_B)];
    const db = service.db;
    const provider = await db.selectFrom('providers').select('id').executeTakeFirstOrThrow();
    bluefin = (await db.selectFrom('accounts').select('id').where('name', '=', 'Bluefin Apps').executeTakeFirstOrThrow()).id;
    const component = async (key: string, name: string) =>
      (await db.selectFrom('status_components').select('id').where('provider_id', '=', provider.id).where('key', '=', key).executeTakeFirst())?.id ??
      (await db.insertInto('status_components').values({ provider_id: provider.id, key, name, products: '[]' }).returning('id').executeTakeFirstOrThrow()).id;
    mailSend = await component('mail-send', 'Mail Send');
    voice = await component('avail-voice', 'Voice (availability test)');
    // Whatever demo data gave these components, this test counts only its own spans.
    await db.deleteFrom('status_component_spans').where('component_id', 'in', [mailSend, voice]).execute();
    await db.deleteFrom('account_components').where('account_id', '=', bluefin).execute();
    await db.deleteFrom('component_fees').where('account_id', '=', bluefin).execute();
    await db
      .insertInto('status_component_spans')
      .values([
        { component_id: mailSend, status: 'major_outage', started_at: '2026-01-31T23:50:00Z', ended_at: '2026-02-01T00:05:00Z' },
        { component_id: mailSend, status: 'major_outage', started_at: '2026-02-10T08:00:00Z', ended_at: '2026-02-10T08:10:00Z' },
        { component_id: mailSend, status: 'under_maintenance', started_at: '2026-02-14T00:00:00Z', ended_at: '2026-02-14T06:00:00Z' },
        { component_id: mailSend, status: 'degraded_performance', started_at: '2026-02-20T10:00:00Z', ended_at: '2026-02-20T12:00:00Z' },
        { component_id: voice, status: 'major_outage', started_at: '2026-02-03T09:00:00Z', ended_at: '2026-02-03T10:00:00Z' },
      ])
      .execute();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('gives staff each component per month, and refuses customers', async () => {
    const r = await get(agent, '/api/v1/availability?month=2026-02');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.months).toEqual([{ month: '2026-02', in_progress: false, partial_outage_share: 0.3 }]);
    const mail = body.components.find((c: { key: string }) => c.key === 'mail-send');
    expect(mail.months[0]).toMatchObject({ month: '2026-02', minutes: 40_320, down_minutes: 15, major_minutes: 15, partial_minutes: 0, in_progress: false });
    expect(mail.months[0].availability).toBeCloseTo((100 * 40_305) / 40_320, 9);
    const range = (await get(agent, '/api/v1/availability?from=2026-01&to=2026-04')).json();
    // April has not begun: it is left out; March is so far.
    expect(range.months.map((m: { month: string; in_progress: boolean }) => [m.month, m.in_progress])).toEqual([
      ['2026-01', false],
      ['2026-02', false],
      ['2026-03', true],
    ]);
    const mailRange = range.components.find((c: { key: string }) => c.key === 'mail-send');
    expect(mailRange.months[0]).toMatchObject({ minutes: 44_640, down_minutes: 10 });
    expect(mailRange.months[2]).toMatchObject({ minutes: 2_460, down_minutes: 0, availability: 100, in_progress: true });
    expect((await get(customer, '/api/v1/availability?month=2026-02')).statusCode).toBe(403);
    const bad = await get(agent, '/api/v1/availability?month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toMatch(/month/);
  });

  it('sets an account’s packages (admin only), keeping the email deliverability flag in step, and names a wrong package', async () => {
    expect((await send(agent, 'PUT', `/api/v1/accounts/${bluefin}/packages`, { items: [] })).statusCode).toBe(403);
    const unknown = await send(admin, 'PUT', `/api/v1/accounts/${bluefin}/packages`, { items: [{ package_id: 'gold', starts_on: '2026-02-15' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([expect.objectContaining({ path: 'body.items.0.package_id', message: expect.stringMatching(/no availability package "gold"; use one of: email_deliverability, email_experts/) })]);
    const backwards = await send(admin, 'PUT', `/api/v1/accounts/${bluefin}/packages`, { items: [{ package_id: 'email_experts', starts_on: '2026-02-15', ends_on: '2026-02-01' }] });
    expect(backwards.json().error.issues[0].path).toBe('body.items.0.ends_on');
    const r = await send(admin, 'PUT', `/api/v1/accounts/${bluefin}/packages`, { items: [{ package_id: 'email_deliverability', starts_on: '2026-02-15' }] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items).toEqual([expect.objectContaining({ package_id: 'email_deliverability', name: 'Email Deliverability package', component: 'mail-send', threshold: 99.99, starts_on: '2026-02-15', ends_on: null })]);
    expect((await service.db.selectFrom('accounts').select('email_deliverability').where('id', '=', bluefin).executeTakeFirstOrThrow()).email_deliverability).toBe(true);
    expect((await get(agent, `/api/v1/accounts/${bluefin}/packages`)).json().offered.map((o: { id: string }) => o.id)).toEqual(['email_deliverability', 'email_experts']);
    expect((await get(customer, `/api/v1/accounts/${bluefin}/packages`)).statusCode).toBe(403);
    // The demo seeds the package for the account flagged for email deliverability.
    const dunmore = (await service.db.selectFrom('accounts').select('id').where('name', '=', 'Dunmore Savings Bank').executeTakeFirstOrThrow()).id;
    expect((await get(agent, `/api/v1/accounts/${dunmore}/packages`)).json().items).toEqual([expect.objectContaining({ package_id: 'email_deliverability', starts_on: '2025-09-01', ends_on: null })]);
  });

  it('follows the account form’s email deliverability flag with the package: from today, until today', async () => {
    const cobalt = (await service.db.selectFrom('accounts').select('id').where('name', '=', 'Cobalt Freight').executeTakeFirstOrThrow()).id;
    const flag = async (value: boolean) => {
      const r = await service.request(await service.signIn(ADMIN), { method: 'PATCH', url: `/api/v1/accounts/${cobalt}`, payload: { email_deliverability: value } });
      expect(r.statusCode, r.body).toBe(200);
    };
    const held = async () => (await get(agent, `/api/v1/accounts/${cobalt}/packages`)).json().items.map((i: { package_id: string; starts_on: string; ends_on: string | null }) => [i.package_id, i.starts_on, i.ends_on]);
    await flag(true);
    expect(await held()).toEqual([['email_deliverability', '2026-03-02', null]]);
    // Cleared the same day: as if never held.
    await flag(false);
    expect(await held()).toEqual([]);
    await flag(true);
    try {
      service.clock.advance(86_400_000);
      await flag(false);
      expect(await held()).toEqual([['email_deliverability', '2026-03-02', '2026-03-03']]);
    } finally {
      service.clock.set(START);
    }
  });

  it('sets fees, and imports them from CSV with every problem at its line and column', async () => {
    const put = await send(admin, 'PUT', `/api/v1/accounts/${bluefin}/fees`, { items: [{ component: 'mail-send', month: '2026-01', amount: '900.00', currency: 'USD' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items).toEqual([{ component: expect.objectContaining({ key: 'mail-send' }), month: '2026-01', amount: '900.00', currency: 'USD' }]);
    expect((await send(agent, 'PUT', `/api/v1/accounts/${bluefin}/fees`, { items: [{ component: 'mail-send', month: '2026-01', amount: '1.00', currency: 'USD' }] })).statusCode).toBe(403);

    const csv = (auth: string, text: string, headers: Record<string, string> = {}) =>
      service.request(auth, { method: 'POST', url: '/api/v1/availability/fees/import', payload: text, headers: { 'content-type': 'text/csv', ...headers } });
    const broken = await csv(admin, 'account,component,month,amount,currency\nBluefin Apps,mail-send,2026-02,12.5.0,USD\nNobody Inc,mail-send,2026-02,10.00,usd\n', { 'accept-language': 'de' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.issues.map((i: { path: string; message: string }) => [i.path, i.message])).toEqual([
      ['body:2:4', 'Zeile 2, Spalte 4: „12.5.0“ ist kein Betrag; bitte mit Punkt und höchstens zwei Nachkommastellen schreiben, z. B. 1250.00.'],
      ['body:3:5', 'Zeile 3, Spalte 5: „usd“ ist kein Währungscode wie USD oder EUR.'],
    ]);
    const unknowns = await csv(admin, 'component,account,month,amount,currency\nmail-sent,Bluefin Apps,2026-02,10.00,USD\nmail-send,Nobody Inc,2026-02,10.00,USD\nmail-send,Bluefin Apps,2026-02,1.00,USD\nmail-send,Bluefin Apps,2026-02,2.00,USD\n');
    expect(unknowns.json().error.issues.map((i: { path: string; message: string }) => `${i.path} ${i.message}`)).toEqual([
      'body:2:1 Line 2, column 1: No status component has the key "mail-sent".',
      'body:3:2 Line 3, column 2: No account has the id or name "Nobody Inc".',
      'body:5:3 Line 5, column 3: This fee is already given on line 4.',
    ]);
    const syntax = await csv(admin, 'account,component,month,amount,currency\nBluefin Apps,"mail-send,2026-02,1.00,USD\n');
    expect(syntax.json().error.issues[0].message).toMatch(/^Line \d+, column \d+: The file is not valid CSV here\.$/);
    expect((await csv(admin, 'account,component,amount,currency\n')).json().error.issues[0].message).toMatch(/month is missing/);
    expect((await service.request(admin, { method: 'POST', url: '/api/v1/availability/fees/import', payload: { a: 1 } })).statusCode).toBe(415);
    expect((await csv(agent, 'account,component,month,amount,currency\n')).statusCode).toBe(403);
    // Bounded: a file over 2 MiB is refused before it is read; more than 10 000 fees are refused with the reason.
    const huge = await csv(admin, `account,component,month,amount,currency\n${'x'.repeat(2 * 1024 * 1024)}\n`);
    expect(huge.statusCode).toBe(413);
    const many = await csv(admin, `account,component,month,amount,currency\n${'Bluefin Apps,mail-send,2026-02,1.00,USD\n'.repeat(10_001)}`);
    expect(many.json().error.issues[0].message).toBe('The file holds more than 10,000 fees; split it.');
    // Nothing of a refused file was written.
    expect((await get(agent, `/api/v1/accounts/${bluefin}/fees?from=2026-02&to=2026-02`)).json().items).toEqual([]);

    const good = await csv(admin, `account,component,month,amount,currency\n${bluefin},mail-send,2026-02,1234.56,USD\nBluefin Apps,mail-send,2026-01,1000,USD\n`);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ imported: 2 });
    expect((await get(agent, `/api/v1/accounts/${bluefin}/fees?from=2026-01&to=2026-02`)).json().items.map((f: { month: string; amount: string }) => [f.month, f.amount])).toEqual([
      ['2026-01', '1000.00'],
      ['2026-02', '1234.56'],
    ]);
  });

  it('shows an account its attainment per month: threshold by package months, shortfall, credit, claim window', async () => {
    const r = await get(customer, `/api/v1/accounts/${bluefin}/availability?from=2026-01&to=2026-03`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.terms).toEqual({ default_threshold: 99.95, partial_outage_share: 0.3, credit_percent: 10, claim_window_days: 30 });
    const cell = (month: string, key: string) => body.months.find((m: { month: string }) => m.month === month).components.find((c: { component: { key: string } }) => c.component.key === key);
    expect(cell('2026-01', 'mail-send')).toMatchObject({ threshold: 99.95, package: null, shortfall: false, credit: null, claim: { state: 'no_shortfall' } });
    expect(cell('2026-02', 'mail-send')).toMatchObject({
      minutes: 40_320,
      down_minutes: 15,
      threshold: 99.99,
      package: { id: 'email_deliverability' },
      shortfall: true,
      fee: { amount: '1234.56', currency: 'USD' },
      credit: { percent: 10, amount: '123.46', currency: 'USD' },
      claim: { state: 'open', closes_at: '2026-03-31T00:00:00.000Z', request: null },
    });
    expect(cell('2026-03', 'mail-send')).toMatchObject({ in_progress: true, minutes: 2_460, shortfall: false, credit: null, claim: { state: 'not_ended' } });
    expect(cell('2026-02', 'avail-voice')).toMatchObject({ threshold: 99.95, shortfall: true, fee: null, credit: { percent: 10, amount: null, currency: null } });
    // Another customer's account is not found.
    expect((await get(otherCustomer, `/api/v1/accounts/${bluefin}/availability`)).statusCode).toBe(404);
  });

  it('opens a credit request ticket carrying the figures, and refuses with the reason when no credit can be claimed', async () => {
    const request = (auth: string, payload: object, headers: Record<string, string> = {}) => send(auth, 'POST', '/api/v1/availability/credit-requests', payload, headers);
    const january = await request(customer, { component: 'mail-send', month: '2026-01' });
    expect(january.statusCode).toBe(422);
    expect(january.json().error).toMatchObject({ code: 'credit_not_claimable', message: 'Mail Send met its threshold of 99.95% in January 2026 (99.978%), so no credit is owed.' });
    const march = await request(customer, { component: 'mail-send', month: '2026-03' }, { 'accept-language': 'pt-BR' });
    expect(march.statusCode).toBe(422);
    expect(march.json().error.message).toBe('março de 2026 ainda não terminou; o crédito poderá ser solicitado quando terminar.');

    const r = await request(customer, { component: 'mail-send', month: '2026-02' });
    expect(r.statusCode, r.body).toBe(201);
    const created = r.json();
    expect(created).toMatchObject({ account_id: bluefin, month: '2026-02', threshold: 99.99, credit_percent: 10, fee: { amount: '1234.56', currency: 'USD' }, credit: { amount: '123.46', currency: 'USD' }, status: 'requested' });
    expect(created.availability).toBeCloseTo((100 * 40_305) / 40_320, 9);
    const ticket = (await get(customer, `/api/v1/tickets/${created.ticket.id}`)).json();
    expect(ticket.subject).toBe('Service credit request: Mail Send, February 2026');
    expect(ticket.description).toContain('Availability that month: 99.963%, with 15 of 40,320 minutes unavailable');
    expect(ticket.description).toContain('Threshold: 99.99%, with the Email Deliverability package.');
    expect(ticket.description).toContain("Credit owed: 10% of the month's fee of $1,234.56: $123.46.");
    const row = await service.db.selectFrom('credit_requests').select(['ticket_id', 'status']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ ticket_id: created.ticket.id, status: 'requested' });

    const again = await request(customer, { component: 'mail-send', month: '2026-02' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('A credit for Mail Send in February 2026 has already been requested.');
    const after = (await get(customer, `/api/v1/accounts/${bluefin}/availability?from=2026-02&to=2026-02`)).json();
    expect(after.months[0].components.find((c: { component: { key: string } }) => c.component.key === 'mail-send').claim).toMatchObject({
      state: 'requested',
      request: { id: created.id, ticket_number: created.ticket.number, status: 'requested', credit_amount: '123.46' },
    });
    expect((await request(otherCustomer, { account_id: bluefin, component: 'avail-voice', month: '2026-02' })).statusCode).toBe(404);

    // Managers and admins record the outcome; the account's page shows it.
    const decide = (auth: string, id: string, status: string) => service.request(auth, { method: 'PATCH', url: `/api/v1/availability/credit-requests/${id}`, payload: { status } });
    expect((await decide(agent, created.id, 'credited')).statusCode).toBe(403);
    expect((await decide(customer, created.id, 'credited')).statusCode).toBe(403);
    const missing = await decide(admin, '00000000-0000-4000-8000-000000000000', 'credited');
    expect([missing.statusCode, missing.json().error.message]).toEqual([404, 'No credit request has this id.']);
    const credited = await decide(await service.signIn(MANAGER), created.id, 'credited');
    expect(credited.json()).toEqual({ id: created.id, status: 'credited' });
    const shown = (await get(customer, `/api/v1/accounts/${bluefin}/availability?from=2026-02&to=2026-02`)).json();
    expect(shown.months[0].components.find((c: { component: { key: string } }) => c.component.key === 'mail-send').claim.request.status).toBe('credited');

    // Staff request for an account they name; the ticket is filed for its first customer. Dunmore holds the
    // Email Deliverability package (seeded), so February's 99.963% on mail-send is below its 99.99%.
    expect((await request(agent, { component: 'mail-send', month: '2026-02' })).json().error.issues[0].path).toBe('body.account_id');
    const dunmore = await service.db.selectFrom('accounts').select('id').where('name', '=', 'Dunmore Savings Bank').executeTakeFirstOrThrow();
    const evan = await service.db.selectFrom('users').select('id').where('email', '=', 'evan@dunmore-bank.example').executeTakeFirstOrThrow();
    const byStaff = await request(agent, { account_id: dunmore.id, component: 'mail-send', month: '2026-02' });
    expect(byStaff.statusCode, byStaff.body).toBe(201);
    expect(byStaff.json()).toMatchObject({ account_id: dunmore.id, threshold: 99.99 });
    const staffTicket = (await get(agent, `/api/v1/tickets/${byStaff.json().ticket.id}`)).json();
    expect(staffTicket.requester_id).toBe(evan.id);
  });

  it('accepts a request on the 30th day after the month ends, and refuses it on the 31st', async () => {
    // February ends 1 March 00:00 UTC; the window closes 30 days later, 31 March 00:00 UTC.
    // Sessions end as the clock moves on: sign in again at each moment.
    const request = async () => send(await service.signIn(CUSTOMER_A), 'POST', '/api/v1/availability/credit-requests', { component: 'avail-voice', month: '2026-02' });
    try {
      service.clock.set(Date.parse('2026-03-31T00:00:00Z'));
      const late = await request();
      expect(late.statusCode).toBe(422);
      expect(late.json().error.message).toBe('A credit for February 2026 had to be requested within 30 days after the month ended; that time is over.');
      service.clock.set(Date.parse('2026-03-30T23:59:59.999Z'));
      const inTime = await request();
      expect(inTime.statusCode, inTime.body).toBe(201);
      // No fee was recorded for the voice component: the credit's amount follows once it is.
      expect(inTime.json()).toMatchObject({ credit: null, fee: null, threshold: 99.95 });
      const ticket = (await get(await service.signIn(CUSTOMER_A), `/api/v1/tickets/${inTime.json().ticket.id}`)).json();
      expect(ticket.description).toContain('no fee is recorded for that month yet');
    } finally {
      service.clock.set(START);
    }
  });
});
