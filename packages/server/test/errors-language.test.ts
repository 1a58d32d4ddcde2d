import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

/** Irina Sokolova reads the desk in German (demo data). */
const GERMAN_AGENT = 'irina.sokolova@hourglass.example';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe.each(DATABASE_KINDS)('error messages in the reader\'s language on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  const german = { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' };

  it('answers a wrong password in German when the request asks for German, with the same code', async () => {
    const response = await service.request(null, { method: 'POST', url: '/api/v1/session', headers: german, payload: { email: ADMIN, password: 'wrong-password' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'invalid_credentials', message: 'E-Mail-Adresse oder Passwort ist falsch.' } });
    expect(response.headers.vary).toContain('Accept-Language');
  });

  it('keeps English for a request that names no language the desk speaks, and for English', async () => {
    for (const headers of [{}, { 'accept-language': 'fr-FR, it;q=0.5' }, { 'accept-language': 'en-GB' }]) {
      const response = await service.request(null, { method: 'POST', url: '/api/v1/session', headers, payload: { email: ADMIN, password: 'wrong-password' } });
      expect(response.json().error.message).toBe('The email or password is wrong.');
    }
  });

  it('names an unknown endpoint in German', async () => {
    const response = await service.request(null, { method: 'GET', url: '/api/v1/nowhere?x=1', headers: german });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'route_not_found', message: 'Den Endpunkt GET /api/v1/nowhere gibt es nicht; die Liste der Endpunkte finden Sie unter /openapi.json.' },
    });
  });

  it('writes validation issues in German with the field paths unchanged: Zod\'s own messages and the schemas\' messages', async () => {
    const admin = await service.signIn(ADMIN);
    const response = await service.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      headers: german,
      payload: { email: 'not-an-address', name: 'Jonas Weber', role: 'agent', password: 'short', locale: 'fr', nickname: 'JW' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Die Anfrage ist ungültig; unter issues steht, was in welchem Feld zu korrigieren ist.');
    const byPath = Object.fromEntries((error.issues as { path: string; message: string }[]).map((i) => [i.path, i.message]));
    expect(byPath).toEqual({
      'body.email': 'Muss eine E-Mail-Adresse sein.',
      'body.password': 'Muss mindestens 10 Zeichen lang sein.',
      'body.locale': 'Ungültige Option: erwartet eine von "en"|"pt-BR"|"de"|"es"|"ru"',
      'body.nickname': 'Unbekanntes Feld „nickname“; entfernen Sie es oder prüfen Sie die Schreibweise.',
    });
  });

  it('names the type received in Zod\'s German message', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    const response = await service.request(cookie, { method: 'PATCH', url: '/api/v1/me', headers: german, payload: { name: 42 } });
    expect(response.json().error.issues).toEqual([{ path: 'body.name', message: 'Ungültige Eingabe: erwartet string, erhalten Zahl' }]);
  });

  it('uses the signed-in person\'s locale when the request names no language, and the request\'s language over it', async () => {
    const agent = await service.signIn(GERMAN_AGENT);
    const own = await service.request(agent, { method: 'GET', url: `/api/v1/users/${UNKNOWN_ID}` });
    expect(own.statusCode).toBe(404);
    expect(own.json()).toEqual({ error: { code: 'not_found', message: 'Mit dieser ID wurde kein Benutzer gefunden.' } });
    const asked = await service.request(agent, { method: 'GET', url: `/api/v1/users/${UNKNOWN_ID}`, headers: { 'accept-language': 'pt-BR' } });
    expect(asked.json().error.message).toBe('Nenhum usuário foi encontrado com esse id.');
    const english = await service.request(agent, { method: 'GET', url: `/api/v1/users/${UNKNOWN_ID}`, headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toBe('No user was found with that id.');
  });

  it('translates the service\'s own validation messages, and in Russian too', async () => {
    const admin = await service.signIn(ADMIN);
    const response = await service.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'accept-language': 'ru' },
      payload: { email: 'pavel.ivanov@hourglass.example', name: 'Pavel Ivanov', role: 'agent', account_id: UNKNOWN_ID },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([{ path: 'body.account_id', message: 'К аккаунту относятся только клиенты; для сотрудников не указывайте account_id.' }]);
    expect(response.json().error.message).toBe('Запрос некорректен; в issues указано, что исправить в каждом поле.');
  });

  it('translates the service\'s own messages written as plain English texts', async () => {
    const cookie = await service.signIn(CUSTOMER_A);
    const created = await service.request(cookie, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Calls fail', description: 'Since this morning.' } });
    expect(created.statusCode, created.body).toBe(201);
    const note = await service.request(cookie, {
      method: 'POST',
      url: `/api/v1/tickets/${created.json().id}/comments`,
      headers: { 'accept-language': 'es' },
      payload: { body: 'Solo para el equipo', public: false },
    });
    expect(note.statusCode).toBe(403);
    expect(note.json().error).toEqual({ code: 'forbidden', message: 'Las notas internas son para el personal; los clientes responden públicamente (omita «public» o póngalo en true).' });
  });

  it('names the content type refused in German', async () => {
    const response = await service.request(null, { method: 'POST', url: '/api/v1/session', headers: { ...german, 'content-type': 'text/plain' }, payload: 'email=a' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toEqual({
      code: 'unsupported_media_type',
      message: 'Content-Type „text/plain“ wird hier nicht akzeptiert; senden Sie JSON mit „Content-Type: application/json“.',
    });
  });

  it('says which roles may act, and the caller\'s own, in the caller\'s language', async () => {
    const cookie = await service.signIn(GERMAN_AGENT);
    const response = await service.request(cookie, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'jonas.weber@hourglass.example', name: 'Jonas Weber', role: 'agent' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({ code: 'forbidden', message: 'Nur Manager und Administratoren dürfen das; Sie sind als Agent angemeldet.' });
    const english = await service.request(cookie, {
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'accept-language': 'en' },
      payload: { email: 'jonas.weber@hourglass.example', name: 'Jonas Weber', role: 'agent' },
    });
    expect(english.json().error.message).toBe('Only admin or manager users may create users; you are signed in as agent.');
  });

  it('refuses changes to a profile in the caller\'s language, naming the roles', async () => {
    const manager = await service.signIn('manager@hourglass.example');
    const admin = await service.db.selectFrom('users').select('id').where('email', '=', ADMIN).executeTakeFirstOrThrow();
    const response = await service.request(manager, { method: 'PATCH', url: `/api/v1/users/${admin.id}`, headers: { 'accept-language': 'ru' }, payload: { name: 'Morgan' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Роль «менеджер» не позволяет изменять профиль этого пользователя («администратор»).');
    const customer = await service.signIn(CUSTOMER_A);
    const own = await service.db.selectFrom('users').select('id').where('email', '=', CUSTOMER_A).executeTakeFirstOrThrow();
    const role = await service.request(customer, { method: 'PATCH', url: `/api/v1/users/${own.id}`, headers: { 'accept-language': 'pt-BR' }, payload: { role: 'admin' } });
    expect(role.json().error.message).toBe('Você não pode alterar os seus próprios campos role; peça a um administrador.');
  });

  it('refuses an escalation in the customer\'s own language, with the issue at the same path', async () => {
    const gabriel = await service.signIn('gabriel@fjordline-travel.example'); // reads the desk in Portuguese
    const created = await service.request(gabriel, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Webhooks falham', description: 'Desde as 08:00.', language: 'pt-BR' } });
    expect(created.statusCode, created.body).toBe(201);
    const refused = await service.request(gabriel, { method: 'POST', url: `/api/v1/tickets/${created.json().id}/escalations`, payload: { reason: 'critical_blocker' } });
    expect(refused.statusCode).toBe(403);
    const message = 'O plano premium não inclui escalação. Como parceiro, você pode escalar pelo seu gerente de crescimento: envie "via": "growth_manager".';
    expect(refused.json().error).toEqual({ code: 'forbidden', message, issues: [{ path: 'body', message }] });
  });
});
