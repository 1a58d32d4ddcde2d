import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const PIN = '482913'; // Dunmore Savings Bank (twilio personalized) in the demo data

describe.each(DATABASE_KINDS)('the phone line: PIN to whom to connect, and TwiML, on %s', (kind) => {
  let service: TestService;
  let agent: string;

  const route = (auth: string, pin: unknown) => service.request(auth, { method: 'POST', url: '/api/v1/phone/route', payload: { pin } });
  const twiml = (auth: string, form: string) =>
    service.request(auth, { method: 'POST', url: '/api/v1/phone/twiml', payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  beforeAll(async () => {
    service = await startTestService(kind);
    agent = await service.signIn(AGENT);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('connects a caller to the primary manager in hours, the secondary before the primary\'s day, the follow-the-sun engineer at night', async () => {
    service.clock.set(Date.parse('2026-03-02T15:00:00Z')); // Monday 07:00 Los Angeles
    const primary = await route(agent, PIN);
    expect(primary.statusCode, primary.body).toBe(200);
    expect(primary.json()).toMatchObject({
      account: { name: 'Dunmore Savings Bank', plan: 'personalized' },
      connect: { kind: 'agent', name: 'Jordan Blake', phone: '+12065550101', zone: 'America/Los_Angeles', local_time: '2026-03-02T07:00:00-08:00' },
      rule: 'primary_manager',
    });
    service.clock.set(Date.parse('2026-03-02T13:30:00Z')); // 05:30 Los Angeles, 14:30 Berlin
    expect((await route(agent, PIN)).json()).toMatchObject({ connect: { kind: 'agent', name: 'Lena Vogt', phone: '+12065550102' }, rule: 'secondary_manager' });
    service.clock.set(Date.parse('2026-03-03T01:00:00Z')); // 17:00 Los Angeles, 02:00 Berlin, 10:00 Tokyo
    const night = (await route(agent, PIN)).json();
    expect(night).toMatchObject({ connect: { kind: 'agent', name: 'Mei Arakawa', zone: 'Asia/Tokyo' }, rule: 'follow_the_sun' });
    expect(night.reason).toContain('Jordan Blake is outside working hours; Lena Vogt is outside working hours');
    service.clock.set(Date.parse('2026-03-07T18:00:00Z')); // Saturday: the team's line
    expect((await route(agent, PIN)).json()).toMatchObject({ connect: { kind: 'team', name: 'Follow the Sun 24x7', phone: '+12065550199' }, rule: 'follow_the_sun_queue' });
  });

  it('answers a wrong PIN with a 404 naming the field, a malformed one with 400, and customers with 403', async () => {
    const wrong = await route(agent, '000000');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.issues).toEqual([{ path: 'body.pin', message: 'No account has this PIN.' }]);
    const malformed = await route(agent, '12a');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0]).toMatchObject({ path: 'body.pin', message: 'Must be the account PIN: 4 to 12 digits.' });
    const customer = await service.signIn(CUSTOMER_A);
    expect((await route(customer, PIN)).statusCode).toBe(403);
  });

  it('refuses a PIN of an account whose plan has no phone line', async () => {
    const admin = await service.signIn(ADMIN);
    const account = await service.db.selectFrom('accounts').select('id').where('name', '=', 'Bluefin Apps').executeTakeFirstOrThrow();
    await service.db.updateTable('accounts').set({ phone_pin: '777111' }).where('id', '=', account.id).execute();
    const refused = await route(admin, '777111');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('The bootstrap plan of this account does not include the phone line.');
  });

  it('speaks TwiML to a voice webhook: asks for the PIN, dials the manager, says when the PIN is wrong', async () => {
    service.clock.set(Date.parse('2026-03-09T13:30:00Z')); // Monday 06:30 PDT, after the US DST change
    const ask = await twiml(agent, 'CallSid=CA00000000000000000000000000000000&From=%2B15550100');
    expect(ask.statusCode).toBe(200);
    expect(ask.headers['content-type']).toMatch(/^text\/xml/);
    expect(ask.body).toContain('<Gather input="dtmf" finishOnKey="#" timeout="10" action="/api/v1/phone/twiml" method="POST"><Say>Welcome to support.');
    const dial = await twiml(agent, `Digits=${PIN}%23&CallSid=CA00000000000000000000000000000000`);
    expect(dial.body).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Response><Say>Connecting you to Jordan Blake.</Say><Dial><Number>+12065550101</Number></Dial></Response>');
    const wrong = await twiml(agent, 'Digits=999999');
    expect(wrong.statusCode).toBe(200);
    expect(wrong.body).toContain('<Say>That PIN was not recognised. Please enter your account PIN again, then press the pound key.</Say>');
    expect(wrong.body).not.toContain('<Dial>');
    expect((await twiml(agent, 'Digits=12')).body).toContain('That PIN was not recognised');
  });
});
