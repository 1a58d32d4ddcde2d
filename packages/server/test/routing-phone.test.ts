import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const PIN = '482913'; // Dunmore Savings Bank (twilio personalized) in the demo data
const CHALLENGE = 'Basic realm="Hourglass voice"';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Posts a form the way a voice provider calls a webhook URL with credentials in it (https://user:token@host/...). */
function postForm(url: string, form: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    sent.on('error', reject);
    sent.end(form);
  });
}

describe.each(DATABASE_KINDS)('the phone line: PIN to whom to connect, and TwiML, on %s', (kind) => {
  let service: TestService;
  let agent: string;

  const route = (auth: string, pin: unknown) => service.request(auth, { method: 'POST', url: '/api/v1/phone/route', payload: { pin } });
  const twiml = (auth: string, form: string) =>
    service.request(auth, { method: 'POST', url: '/api/v1/phone/twiml', payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const twimlWith = (authorization: string | null, form = 'CallSid=CA1') =>
    service.app.inject({
      method: 'POST',
      url: '/api/v1/phone/twiml',
      payload: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization === null ? {} : { authorization }) },
    });
  const newToken = async (email: string) => {
    const created = await service.request(await service.signIn(email), { method: 'POST', url: '/api/v1/tokens', payload: { name: 'voice provider' } });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; token: string };
  };

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

  it('lets a voice provider sign in with HTTP Basic from the webhook URL, the password being a staff API token', async () => {
    service.clock.set(Date.parse('2026-03-09T13:30:00Z')); // Monday 06:30 PDT
    const { token } = await newToken(AGENT);
    await service.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (service.app.server.address() as AddressInfo).port;
    const asked = await postForm(`http://voice-provider:${token}@127.0.0.1:${port}/api/v1/phone/twiml`, 'CallSid=CA1&From=%2B15550100');
    expect(asked.status, asked.body).toBe(200);
    expect(asked.body).toContain('<Gather input="dtmf"');
    const dialled = await postForm(`http://any:${token}@127.0.0.1:${port}/api/v1/phone/twiml`, `Digits=${PIN}`);
    expect(dialled.body).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Response><Say>Connecting you to Jordan Blake.</Say><Dial><Number>+12065550101</Number></Dial></Response>');

    const anonymous = await postForm(`http://127.0.0.1:${port}/api/v1/phone/twiml`, 'CallSid=CA1');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe(CHALLENGE);

    // The same token still works as a bearer token; the user name of Basic credentials does not matter.
    expect((await twimlWith(`Bearer ${token}`)).statusCode).toBe(200);
    expect((await twimlWith(basic('', token))).statusCode).toBe(200);
  });

  it('challenges missing or wrong voice credentials with 401 and WWW-Authenticate, and refuses a customer token with 403', async () => {
    const missing = await twimlWith(null);
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe(CHALLENGE);
    expect(missing.json().error).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('put a staff API token as the password in its URL') });

    const refusals: [string, RegExp][] = [
      [basic('voice', 'hgt_not-a-real-token'), /This API token is not valid: it is unknown, revoked or expired/],
      [basic('voice', ''), /have no password; the password must be a staff API token/],
      [`Basic ${Buffer.from('no-colon-here').toString('base64')}`, /must be "Bearer <token>" or "Basic <base64 of user:token>"/],
      ['Basic %%%', /must be "Bearer <token>" or "Basic <base64 of user:token>"/],
      ['Digest username="x"', /must be "Bearer <token>" or "Basic <base64 of user:token>"/],
      ['Bearer hgt_not-a-real-token', /This API token is not valid/],
    ];
    for (const [authorization, message] of refusals) {
      const refused = await twimlWith(authorization);
      expect(refused.statusCode, authorization).toBe(401);
      expect(refused.headers['www-authenticate'], authorization).toBe(CHALLENGE);
      expect(refused.json().error.message).toMatch(message);
    }

    const revoked = await newToken(AGENT);
    const agent = await service.signIn(AGENT);
    expect((await service.request(agent, { method: 'DELETE', url: `/api/v1/tokens/${revoked.id}` })).statusCode).toBe(204);
    expect((await twimlWith(basic('voice', revoked.token))).statusCode).toBe(401);

    const customer = await newToken(CUSTOMER_A);
    const forbidden = await twimlWith(basic('voice', customer.token));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['www-authenticate']).toBeUndefined();
    expect(forbidden.json().error.message).toBe('Only provider staff may route phone calls.');
  });

  it('takes Basic credentials only on the voice webhook; other endpoints still want a bearer token', async () => {
    const { token } = await newToken(AGENT);
    const me = await service.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: basic('voice', token) } });
    expect(me.statusCode).toBe(401);
    expect(me.headers['www-authenticate']).toBeUndefined();
    expect(me.json().error.message).toBe('The Authorization header must be "Bearer <token>".');
    const route = await service.app.inject({ method: 'POST', url: '/api/v1/phone/route', headers: { authorization: basic('voice', token) }, payload: { pin: PIN } });
    expect(route.statusCode).toBe(401);
  });
});
