import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.js';
import { ADMIN, AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const MINUTE = 60_000;

describe.each(DATABASE_KINDS)('components and incidents through the API on %s', (kind) => {
  let service: TestService;
  let admin: string;
  let agent: string;
  let customer: string;
  let groupId: string;
  let sms: string;
  let voice: string;

  const post = (auth: string, url: string, payload: unknown) => service.request(auth, { method: 'POST', url, payload: payload as object });
  const get = (auth: string, url: string) => service.request(auth, { method: 'GET', url });
  const spans = (componentId: string) =>
    service.db.selectFrom('status_component_spans').selectAll().where('component_id', '=', componentId).orderBy('id').execute();
  const statusOf = async (auth: string, componentId: string) =>
    (await get(auth, '/api/v1/status/components')).json().components.find((c: { id: string }) => c.id === componentId).status;

  beforeAll(async () => {
    service = await startTestService(kind);
    [admin, agent, customer] = [await service.signIn(ADMIN), await service.signIn(AGENT), await service.signIn(CUSTOMER_A)];
    const group = await post(admin, '/api/v1/status/component-groups', { name: 'Messaging', description: 'Messages of every channel' });
    expect(group.statusCode, group.body).toBe(201);
    groupId = group.json().id;
    const a = await post(admin, '/api/v1/status/components', { key: 'sms-api', name: 'SMS API', group_id: groupId, products: ['messaging'] });
    expect(a.statusCode, a.body).toBe(201);
    sms = a.json().id;
    voice = (await post(admin, '/api/v1/status/components', { key: 'voice', name: 'Programmable Voice', products: ['voice'] })).json().id;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('lists groups and components with their status to any signed-in user, and lets only admins change them', async () => {
    const list = await get(customer, '/api/v1/status/components');
    expect(list.statusCode).toBe(200);
    expect(list.json().groups).toEqual([{ id: groupId, name: 'Messaging', description: 'Messages of every channel', position: 0 }]);
    expect(list.json().components.map((c: { key: string; status: string; group_id: string | null }) => [c.key, c.status, c.group_id])).toEqual([
      ['sms-api', 'operational', groupId],
      ['voice', 'operational', null],
    ]);
    expect((await post(agent, '/api/v1/status/components', { key: 'x', name: 'X' })).statusCode).toBe(403);
    expect((await service.request(customer, { method: 'PATCH', url: `/api/v1/status/components/${sms}`, payload: { name: 'Hacked' } })).statusCode).toBe(403);
    const renamed = await service.request(admin, { method: 'PATCH', url: `/api/v1/status/components/${voice}`, payload: { description: 'Calls', start_date: '2026-01-01' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ key: 'voice', description: 'Calls', start_date: '2026-01-01' });
    const taken = await post(admin, '/api/v1/status/components', { key: 'sms-api', name: 'Again' });
    expect(taken.statusCode).toBe(409);
  });

  it('refuses bad input with the field that is wrong', async () => {
    const bad = await post(admin, '/api/v1/status/components', { key: 'Not A Slug', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.key', 'body.name']);
    const badGroup = await post(admin, '/api/v1/status/components', { key: 'ok-key', name: 'Ok', group_id: '00000000-0000-0000-0000-000000000000' });
    expect(badGroup.statusCode).toBe(400);
    expect(badGroup.json().error.issues[0].path).toBe('body.group_id');
    const wrongStatus = await post(agent, '/api/v1/incidents', { name: 'X', status: 'scheduled', body: 'x' });
    expect(wrongStatus.statusCode).toBe(400);
    expect(wrongStatus.json().error.issues[0].path).toBe('body.status');
    const twice = await post(agent, '/api/v1/incidents', { name: 'X', status: 'investigating', body: 'x', components: [{ id: sms, status: 'major_outage' }, { id: sms, status: 'degraded_performance' }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.issues[0].path).toBe('body.components.1.id');
    const unknown = await post(agent, '/api/v1/incidents', { name: 'X', status: 'investigating', body: 'x', components: [{ id: '00000000-0000-0000-0000-000000000000', status: 'major_outage' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].path).toBe('body.components.0.id');
    const unscheduled = await post(agent, '/api/v1/incidents', { kind: 'maintenance', name: 'X', status: 'scheduled', body: 'x' });
    expect(unscheduled.json().error.issues[0].path).toBe('body.scheduled_for');
    const backwards = await post(agent, '/api/v1/incidents', { kind: 'maintenance', name: 'X', status: 'scheduled', body: 'x', scheduled_for: '2026-03-05T10:00:00Z', scheduled_until: '2026-03-05T09:00:00Z' });
    expect(backwards.json().error.issues[0].path).toBe('body.scheduled_until');
    expect((await service.db.selectFrom('incidents').select('id').execute()).length).toBe(0);
  });

  it('sets a status by hand as a span, and operational ends it', async () => {
    const set = await service.request(agent, { method: 'PUT', url: `/api/v1/status/components/${voice}/status`, payload: { status: 'degraded_performance' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().status).toBe('degraded_performance');
    expect((await service.request(customer, { method: 'PUT', url: `/api/v1/status/components/${voice}/status`, payload: { status: 'operational' } })).statusCode).toBe(403);
    service.clock.advance(10 * MINUTE);
    await service.request(agent, { method: 'PUT', url: `/api/v1/status/components/${voice}/status`, payload: { status: 'operational' } });
    const rows = await spans(voice);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.incident_id).toBeNull();
    expect(rows[0]!.ended_at!.getTime() - rows[0]!.started_at.getTime()).toBe(10 * MINUTE);
    expect(await statusOf(customer, voice)).toBe('operational');
  });

  it('follows an incident through its updates: spans over time, overlapping incidents counted by the worst, resolution ends its spans', async () => {
    const t0 = service.clock.now();
    const opened = await post(agent, '/api/v1/incidents', {
      name: 'SMS delivery delays',
      status: 'investigating',
      impact: 'minor',
      body: 'We are looking into delayed SMS.',
      components: [{ id: sms, status: 'degraded_performance' }],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const first = opened.json();
    expect(first).toMatchObject({ kind: 'incident', status: 'investigating', impact: 'minor', draft: false, source: 'manual', linked_tickets: 0, rfo: null });
    expect(first.public_url).toBe(`/status/incidents/${first.id}`);
    expect(first.components).toEqual([{ id: sms, key: 'sms-api', name: 'SMS API', status: 'degraded_performance' }]);
    expect(first.updates[0].affected_components).toEqual([{ code: sms, name: 'SMS API', old_status: 'operational', new_status: 'degraded_performance' }]);
    expect(first.updates[0].author.name).toBeTruthy();

    service.clock.advance(5 * MINUTE);
    const second = await post(agent, '/api/v1/incidents', { name: 'Carrier outage', status: 'identified', impact: 'major', body: 'A carrier is down.', components: [{ id: sms, status: 'major_outage' }] });
    expect(second.statusCode).toBe(201);
    expect(await statusOf(customer, sms)).toBe('major_outage');

    service.clock.advance(5 * MINUTE);
    const update = await post(agent, `/api/v1/incidents/${first.id}/updates`, { status: 'identified', body: 'Found it.', components: [{ id: sms, status: 'partial_outage' }, { id: voice, status: 'degraded_performance' }] });
    expect(update.statusCode, update.body).toBe(200);
    // SMS stays in major outage (the other incident): only voice changed.
    expect(update.json().updates[0].affected_components).toEqual([{ code: voice, name: 'Programmable Voice', old_status: 'operational', new_status: 'degraded_performance' }]);
    expect(update.json().components.map((c: { key: string; status: string }) => [c.key, c.status])).toEqual([
      ['sms-api', 'partial_outage'],
      ['voice', 'degraded_performance'],
    ]);

    service.clock.advance(10 * MINUTE);
    const resolvedSecond = await post(agent, `/api/v1/incidents/${second.json().id}/updates`, { status: 'resolved', body: 'The carrier is back.' });
    expect(resolvedSecond.json()).toMatchObject({ status: 'resolved', resolved_at: new Date(t0 + 20 * MINUTE).toISOString() });
    expect(resolvedSecond.json().updates[0].affected_components).toEqual([{ code: sms, name: 'SMS API', old_status: 'major_outage', new_status: 'partial_outage' }]);
    expect(await statusOf(customer, sms)).toBe('partial_outage');

    service.clock.advance(MINUTE);
    await post(agent, `/api/v1/incidents/${first.id}/updates`, { status: 'monitoring', body: 'A fix is out.' });
    service.clock.advance(MINUTE);
    const done = await post(agent, `/api/v1/incidents/${first.id}/updates`, { status: 'resolved', body: 'All good.' });
    expect(done.json()).toMatchObject({ status: 'resolved', monitoring_at: new Date(t0 + 21 * MINUTE).toISOString(), resolved_at: new Date(t0 + 22 * MINUTE).toISOString() });
    expect(done.json().components.every((c: { status: string }) => c.status === 'operational')).toBe(true);
    expect(await statusOf(customer, sms)).toBe('operational');

    const smsSpans = (await spans(sms)).map((s) => [s.incident_id, s.status, s.started_at.getTime() - t0, s.ended_at!.getTime() - t0]);
    expect(smsSpans).toEqual([
      [first.id, 'degraded_performance', 0, 10 * MINUTE],
      [second.json().id, 'major_outage', 5 * MINUTE, 20 * MINUTE],
      [first.id, 'partial_outage', 10 * MINUTE, 22 * MINUTE],
    ]);

    const reopen = await post(agent, `/api/v1/incidents/${first.id}/updates`, { status: 'investigating', body: 'Again?' });
    expect(reopen.statusCode).toBe(409);
    const listed = await get(agent, '/api/v1/incidents?state=resolved&kind=incident');
    expect(listed.json().items.map((i: { name: string }) => i.name)).toEqual(['Carrier outage', 'SMS delivery delays']);
    expect((await get(agent, '/api/v1/incidents?state=unresolved')).json().items).toEqual([]);
    expect((await get(customer, '/api/v1/incidents')).statusCode).toBe(403);
    expect((await get(customer, `/api/v1/incidents/${first.id}`)).statusCode).toBe(403);
  });

  it('announces maintenance ahead, puts its components under maintenance while in progress and ends that on completion', async () => {
    const start = service.clock.now() + 60 * MINUTE;
    const scheduled = await post(agent, '/api/v1/incidents', {
      kind: 'maintenance',
      name: 'Voice media upgrade',
      status: 'scheduled',
      body: 'We will upgrade media servers.',
      components: [{ id: voice, status: 'under_maintenance' }],
      scheduled_for: new Date(start).toISOString(),
      scheduled_until: new Date(start + 60 * MINUTE).toISOString(),
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    expect(scheduled.json()).toMatchObject({ impact: 'maintenance', status: 'scheduled', started_at: new Date(start).toISOString() });
    expect(await statusOf(customer, voice)).toBe('operational');
    service.clock.set(start);
    const begun = await post(agent, `/api/v1/incidents/${scheduled.json().id}/updates`, { status: 'in_progress', body: 'Started.' });
    expect(begun.json().started_at).toBe(new Date(start).toISOString());
    expect(await statusOf(customer, voice)).toBe('under_maintenance');
    const wrong = await post(agent, `/api/v1/incidents/${scheduled.json().id}/updates`, { status: 'verifying', body: 'x', components: [{ id: voice, status: 'major_outage' }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].path).toBe('body.components.0.status');
    service.clock.advance(45 * MINUTE);
    const completed = await post(agent, `/api/v1/incidents/${scheduled.json().id}/updates`, { status: 'completed', body: 'Done.' });
    expect(completed.json().updates[0].affected_components).toEqual([{ code: voice, name: 'Programmable Voice', old_status: 'under_maintenance', new_status: 'operational' }]);
    const last = (await spans(voice)).at(-1)!;
    expect([last.status, last.ended_at!.getTime() - last.started_at.getTime()]).toEqual(['under_maintenance', 45 * MINUTE]);
  });

  it('keeps a draft unpublished until PATCH draft:false, and renames or changes impact', async () => {
    const draft = await post(agent, '/api/v1/incidents', { name: 'Possible issue', status: 'investigating', body: 'Checking.', draft: true, components: [{ id: sms, status: 'degraded_performance' }] });
    expect(draft.json().draft).toBe(true);
    expect(await statusOf(customer, sms)).toBe('degraded_performance');
    const id = draft.json().id;
    const published = await service.request(agent, { method: 'PATCH', url: `/api/v1/incidents/${id}`, payload: { draft: false, impact: 'minor', name: 'SMS delays' } });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ draft: false, impact: 'minor', name: 'SMS delays' });
    const redraft = await service.request(agent, { method: 'PATCH', url: `/api/v1/incidents/${id}`, payload: { draft: true } });
    expect(redraft.statusCode).toBe(400);
    expect(redraft.json().error.issues[0].path).toBe('body.draft');
    await post(agent, `/api/v1/incidents/${id}/updates`, { status: 'resolved', body: 'Fine.' });
  });

  it("keeps each provider to its own components and incidents", async () => {
    const provider = await service.db.insertInto('providers').values({ name: 'Other Desk', slug: 'other' }).returning('id').executeTakeFirstOrThrow();
    const stranger = await service.db
      .insertInto('users')
      .values({ provider_id: provider.id, email: 'admin@other.example', name: 'Other Admin', role: 'admin', account_id: null, password_hash: null, zone: 'UTC', languages: '["en"]', working_hours: 'null', manager_id: null, out_of_office_until: null, updated_at: new Date(service.clock.now()) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = `Bearer ${(await createToken(service.db, service.clock, stranger.id, { name: 'other' })).secret}`;
    const incident = (await get(agent, '/api/v1/incidents')).json().items[0];
    expect((await get(other, '/api/v1/status/components')).json()).toEqual({ groups: [], components: [] });
    expect((await get(other, '/api/v1/incidents')).json().items).toEqual([]);
    expect((await get(other, `/api/v1/incidents/${incident.id}`)).statusCode).toBe(404);
    expect((await service.request(other, { method: 'PATCH', url: `/api/v1/status/components/${sms}`, payload: { name: 'Mine now' } })).statusCode).toBe(404);
    expect((await service.request(other, { method: 'PUT', url: `/api/v1/status/components/${sms}/status`, payload: { status: 'major_outage' } })).statusCode).toBe(404);
    expect((await service.request(other, { method: 'DELETE', url: `/api/v1/status/component-groups/${groupId}` })).statusCode).toBe(404);
    expect((await post(other, `/api/v1/incidents/${incident.id}/updates`, { status: 'resolved', body: 'Not yours.' })).statusCode).toBe(404);
    const foreign = await post(other, '/api/v1/incidents', { name: 'Theirs', status: 'investigating', body: 'x', components: [{ id: sms, status: 'major_outage' }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues[0].path).toBe('body.components.0.id');
    // The same key is free in another provider.
    expect((await post(other, '/api/v1/status/components', { key: 'sms-api', name: 'Their SMS' })).statusCode).toBe(201);
    // Nothing of theirs reached ours.
    expect(await statusOf(customer, sms)).toBe('operational');
    expect((await service.db.selectFrom('status_components').select('name').where('id', '=', sms).executeTakeFirstOrThrow()).name).toBe('SMS API');
  });

  it("answers refusals in the caller's language, with the field path unchanged", async () => {
    const r = await service.request(agent, { method: 'POST', url: '/api/v1/incidents', headers: { 'accept-language': 'de' }, payload: { kind: 'maintenance', name: 'X', status: 'investigating', body: 'x' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0]).toMatchObject({ path: 'body.status', message: '„investigating“ ist kein Status einer Wartung; verwenden Sie einen von: scheduled, in_progress, verifying, completed.' });
    const ru = await service.request(customer, { method: 'GET', url: '/api/v1/incidents', headers: { 'accept-language': 'ru' } });
    expect(ru.statusCode).toBe(403);
    expect(ru.json().error.message).toContain('Инцидентами');
  });
});
