import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

// A twilio bootstrap ticket opened the evening before Christmas (business hours 06:00–18:00
// America/Los_Angeles, Christmas Day closed): its first response counts on past the night, the holiday,
// the weekend and Monday's early hours. The explanation says why each stretch was not counted in the language of the request.

describe.each(DATABASE_KINDS)('due-time explanations in the reader\'s language on %s', (kind) => {
  let service: TestService;
  let id = '';

  beforeAll(async () => {
    service = await startTestService(kind);
    service.clock.set(Date.parse('2026-12-24T17:00:00-08:00'));
    const created = await service.request(await service.signIn(CUSTOMER_A), { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Calls fail', description: 'Since this morning.' } });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
  });
  afterAll(async () => {
    await service?.close();
  });

  const explain = async (language: string) => {
    const response = await service.request(await service.signIn(AGENT), {
      method: 'GET',
      url: `/api/v1/tickets/${id}/targets/first_response/explain`,
      headers: { 'accept-language': language },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.vary).toContain('Accept-Language');
    return response.json() as { closed: { reason: string; name: string | null; label: string; local_name: string | null }[] };
  };

  it('names the holiday in Spanish and German where date-holidays has the name, with the reasons from the catalogs', async () => {
    const spanish = await explain('es-MX,es;q=0.9');
    expect(spanish.closed.map((c) => [c.reason, c.name, c.local_name, c.label])).toEqual([
      ['night', null, null, 'noche'],
      ['holiday', 'Christmas Day', 'Navidad', 'cerrado por Navidad'],
      ['weekend', null, null, 'fin de semana'],
      ['night', null, null, 'noche'],
    ]);
    const german = await explain('de');
    expect(german.closed.map((c) => c.label)).toEqual(['Nacht', 'geschlossen wegen Weihnachten', 'Wochenende', 'Nacht']);
    const russian = await explain('ru');
    expect(russian.closed.map((c) => c.label)).toEqual(['ночь', 'закрыто: Рождество Христово', 'выходные', 'ночь']);
  });

  it('keeps the calendar\'s names and the English reasons for English', async () => {
    const english = await explain('en-US');
    expect(english.closed.map((c) => [c.local_name, c.label])).toEqual([
      [null, 'night'],
      ['Christmas Day', 'closed for Christmas Day'],
      [null, 'weekend'],
      [null, 'night'],
    ]);
  });
});
