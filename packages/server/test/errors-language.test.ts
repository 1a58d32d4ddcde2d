import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, CUSTOMER_A, START, startTestService, type TestService } from './support/app.js';
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
  /** A well-formed call SID with `n` as its last digits. */
  const callSid = (n: number) => `CA${n.toString(16).padStart(32, '0')}`;

  it('writes intake verdicts in German at their fields; the pack\'s own words (labels, help) stay as the pack writes them', async () => {
    service.clock.set(START);
    const cookie = await service.signIn(CUSTOMER_A);
    const intake = { description: 'Abbrüche', call_sids: ['CA123', callSid(1)] };
    const response = await service.request(cookie, {
      method: 'POST',
      url: '/api/v1/tickets',
      headers: german,
      payload: { subject: 'Abgebrochene Anrufe', description: 'Anrufe brechen nach 30 s ab.', product: 'voice', intake },
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('intake_invalid');
    expect(error.message).toBe('Die Angaben zu Voice müssen korrigiert werden, bevor das Ticket angenommen werden kann; unter issues steht, was bei jedem Feld zu tun ist.');
    const issues = error.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(['body.intake.call_sids', 'body.intake.call_sids', 'body.intake.examples_at', 'body.intake']);
    expect(issues[0]!.message).toBe('„CA123“ hat nach dem Präfix 3 Hexadezimalzeichen; eine SID hat genau 32. Kopieren Sie sie erneut aus der Console oder den Logs.');
    expect(issues[1]!.message).toMatch(/^Example call SIDs: Geben Sie 2–3 Beispiele an, SIDs vom Typ call \(CA…\) \(bisher 1 gültig\)\. Mehrere Beispiele/);
    expect(issues[2]!.message).toMatch(/^When the example calls happened ist ein Pflichtfeld\. /);
    expect(issues[3]!.message).toMatch(/^Falls die vollständigen Angaben schwer zu beschaffen sind: /);

    const english = await service.request(cookie, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Dropped calls', description: 'Calls drop after 30 s.', product: 'voice', intake } });
    expect(english.json().error.message).toBe('The Voice details need fixing before the ticket can be accepted; see issues for each field.');
    expect(english.json().error.issues[0].message).toBe('"CA123" has 3 hexadecimal characters after its prefix; a SID has exactly 32. Copy it again from the Console or the logs.');

    const portuguese = await service.request(cookie, { method: 'POST', url: '/api/v1/tickets', headers: { 'accept-language': 'pt-BR' }, payload: { subject: 'x', description: 'y', product: 'fax' } });
    expect(portuguese.statusCode).toBe(422);
    expect(portuguese.json().error.issues[0]).toEqual({ path: 'body.product', message: expect.stringMatching(/^"fax" não é um formulário de entrada desta política de suporte; use um destes: voice \(Voice\), .* e .*\.$/) });
  });

  it('refuses status changes in Brazilian Portuguese, naming both statuses and the moves left', async () => {
    service.clock.set(START);
    const customer = await service.signIn(CUSTOMER_A);
    const agent = await service.signIn(AGENT);
    const created = await service.request(customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Webhooks falham', description: 'Desde as 08:00.' } });
    expect(created.statusCode, created.body).toBe(201);
    const portuguese = { 'accept-language': 'pt-BR' };
    const url = `/api/v1/tickets/${created.json().id}`;

    const closing = await service.request(agent, { method: 'PATCH', url, headers: portuguese, payload: { status: 'closed' } });
    expect(closing.statusCode).toBe(409);
    const illegal = 'Um ticket não pode passar de novo (ainda não assumido) para fechado: resolva-o primeiro; tickets resolvidos são fechados depois. A partir de new, você pode movê-lo para: open, pending, on_hold e solved.';
    expect(closing.json().error).toEqual({ code: 'illegal_transition', message: illegal, issues: [{ path: 'body.status', message: illegal }] });

    const pending = await service.request(customer, { method: 'PATCH', url, headers: portuguese, payload: { status: 'pending' } });
    expect(pending.statusCode).toBe(403);
    expect(pending.json().error.message).toBe('Somente um agente pode passar um ticket de novo (ainda não assumido) para pendente (aguardando o cliente). A partir de new, você pode movê-lo para: solved.');

    const same = await service.request(agent, { method: 'PATCH', url, headers: { 'accept-language': 'de' }, payload: { status: 'new' } });
    expect(same.json().error).toMatchObject({ code: 'same_status', message: 'Das Ticket hat bereits den Status neu (noch nicht übernommen).' });

    const english = await service.request(agent, { method: 'PATCH', url, payload: { status: 'closed' } });
    expect(english.json().error.message).toBe('A ticket cannot go from new (not yet picked up) to closed: solve it first; solved tickets are closed afterwards. From new you can move it to: open, pending, on_hold, solved.');
  });

  it('refuses a restricted or unknown priority in German; the pack\'s reason stays in the pack\'s words', async () => {
    service.clock.set(START);
    const customer = await service.signIn(CUSTOMER_A);
    const accountId = (await service.request(customer, { method: 'GET', url: '/api/v1/me' })).json().account_id;
    const projects = (await service.request(customer, { method: 'GET', url: `/api/v1/accounts/${accountId}/projects` })).json().items;
    const staging = projects.find((p: { production: boolean }) => !p.production).id;
    const restricted = await service.request(customer, { method: 'POST', url: '/api/v1/tickets', headers: german, payload: { subject: 'Down', description: 'Staging is down', project_id: staging, priority: 'P1' } });
    expect(restricted.statusCode).toBe(422);
    const { error } = restricted.json();
    expect(error.code).toBe('priority_restricted');
    expect(error.issues[0].path).toBe('body.priority');
    expect(error.message).toMatch(/^P1 \(Business Critical\) ist nur für Produktionsprojekte gedacht, und das Projekt „Staging“ ist kein Produktionsprojekt\. .+ Wählen Sie stattdessen P3 \(General Issue\) oder eröffnen Sie das Ticket für ein Produktionsprojekt\.$/);
    const unknown = await service.request(customer, { method: 'POST', url: '/api/v1/tickets', headers: german, payload: { subject: 'x', description: 'y', priority: 'urgent' } });
    expect(unknown.json().error.message).toBe('„urgent“ ist keine Priorität dieses Support-Tarifs; verwenden Sie eine davon: P1 (Business Critical), P2 (Degraded Service) und P3 (General Issue).');
  });
  it('says in the caller\'s language what only staff may change, and which targets a ticket has', async () => {
    service.clock.set(START);
    const customer = await service.signIn(CUSTOMER_A);
    const created = await service.request(customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Calls fail', description: 'Since this morning.' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const staffOnly = await service.request(customer, { method: 'PATCH', url: `/api/v1/tickets/${id}`, headers: { 'accept-language': 'pt-BR' }, payload: { team_id: null } });
    expect(staffOnly.json().error).toEqual({ code: 'forbidden', message: 'Somente a equipe de suporte pode alterar team_id.' });
    const target = await service.request(customer, { method: 'GET', url: `/api/v1/tickets/${id}/targets/resolution_time/explain`, headers: { 'accept-language': 'ru' } });
    expect(target.statusCode).toBe(404);
    expect(target.json().error.message).toMatch(/^У этого обращения нет цели «resolution_time»; его цели: first_response/);
  });

  it('names bad notification choices in German, each at its field', async () => {
    const customer = await service.signIn(CUSTOMER_A);
    const response = await service.request(customer, { method: 'PUT', url: '/api/v1/me/notifications', headers: german, payload: { breached: true, lunch: false } });
    expect(response.statusCode).toBe(400);
    const choices = 'ticket_created, public_reply, pending_reminder, auto_solved';
    expect(response.json().error.issues).toEqual([
      { path: 'body.breached', message: `Ein Kunde kann breached nicht erhalten; wählen Sie aus: ${choices}.` },
      { path: 'body.lunch', message: `Unbekanntes Ereignis; wählen Sie aus: ${choices}.` },
    ]);
  });

  it('says in German that the account\'s plan has no phone line, naming the plan', async () => {
    const admin = await service.signIn(ADMIN);
    const account = await service.db.selectFrom('accounts').select('id').where('name', '=', 'Bluefin Apps').executeTakeFirstOrThrow();
    await service.db.updateTable('accounts').set({ phone_pin: '777222' }).where('id', '=', account.id).execute();
    const refused = await service.request(admin, { method: 'POST', url: '/api/v1/phone/route', headers: german, payload: { pin: '777222' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({
      code: 'forbidden',
      message: 'Der Tarif bootstrap dieses Kontos umfasst keine Telefon-Hotline.',
      issues: [{ path: 'body.pin', message: 'Der Tarif dieses Kontos umfasst keine Telefon-Hotline.' }],
    });
  });

  it('says in Brazilian Portuguese why a page cursor is not valid', async () => {
    const agent = await service.signIn(AGENT);
    const response = await service.request(agent, { method: 'GET', url: '/api/v1/suspended-mail?cursor=WyJ4IiwieSJd', headers: { 'accept-language': 'pt-BR' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation_failed',
      message: 'O cursor não é válido; envie o next_cursor de uma página anterior sem alterações.',
      issues: [{ path: 'querystring.cursor', message: 'Este não é um cursor fornecido por este endpoint: a chave de ordenação dele não é um instante. Omita-o para começar pela primeira página.' }],
    });
    const english = await service.request(agent, { method: 'GET', url: '/api/v1/suspended-mail?cursor=WyJ4IiwieSJd' });
    expect(english.json().error.issues[0].message).toBe('Not a cursor returned by this endpoint: its sort key is not an instant. Leave it out to start from the first page.');
  });

  it('refuses suspended mail in German: already decided, and from a staff address', async () => {
    const agent = await service.signIn(GERMAN_AGENT);
    const provider = await service.db.selectFrom('users').select('provider_id').where('email', '=', GERMAN_AGENT).executeTakeFirstOrThrow();
    const mail = (status: 'pending' | 'discarded', role: 'customer' | 'agent') => ({
      provider_id: provider.provider_id,
      message_id: null,
      from_address: 'someone@example.com',
      from_name: null,
      subject: 'Suspended',
      sender_id: null,
      sender_role: role,
      kind: 'new_ticket' as const,
      reason: 'DKIM failed',
      remote_address: '203.0.113.9',
      envelope_from: null,
      envelope_to: JSON.stringify(['support@hourglass.example']),
      raw: new TextEncoder().encode('Subject: Suspended\r\n\r\nHello\r\n'),
      size: 31,
      status,
      received_at: new Date(START),
      decided_at: status === 'pending' ? null : new Date('2026-03-02T10:00:00.000Z'),
    });
    const [decided, forged] = await service.db.insertInto('mail_review').values([mail('discarded', 'customer'), mail('pending', 'agent')]).returning('id').execute();
    const again = await service.request(agent, { method: 'POST', url: `/api/v1/suspended-mail/${decided!.id}/accept`, headers: german });
    expect(again.json().error).toEqual({ code: 'conflict', message: 'Diese E-Mail wurde bereits am 2026-03-02T10:00:00.000Z verworfen; es wurde nichts erneut ausgeführt.' });
    const staff = await service.request(agent, { method: 'POST', url: `/api/v1/suspended-mail/${forged!.id}/accept`, headers: german });
    expect(staff.statusCode).toBe(409);
    expect(staff.json().error.message).toMatch(/^E-Mails von der Adresse eines Agenten, die die Authentifizierung nicht bestanden haben, werden nie/);
    const english = await service.request(agent, { method: 'POST', url: `/api/v1/suspended-mail/${forged!.id}/accept`, headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toBe(
      'Mail from an agent address that failed authentication is never applied as staff mail, because anyone can forge a From address. Discard it; if the agent really wrote it, they can post it in the console.',
    );
  });

  it('says in German that an API token to revoke is not found', async () => {
    const agent = await service.signIn(AGENT);
    const response = await service.request(agent, { method: 'DELETE', url: `/api/v1/tokens/${UNKNOWN_ID}`, headers: german });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'not_found', message: 'Mit dieser ID wurde kein aktives API-Token von Ihnen gefunden.' });
  });
});
