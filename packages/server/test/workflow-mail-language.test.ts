import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './support/databases.js';
import { AGENT, RILEY, startWorkflowService, type WorkflowService } from './support/workflow.js';

// Emails go out in each recipient's language: a customer who reads the desk in Brazilian Portuguese
// gets the confirmation, the agent's reply, the pending reminder (and its comment on the ticket) and
// the automatic solve in Portuguese, with times in their own zone (Riley is in Denver); staff who read
// it in German get their alerts in German. twilio bootstrap: business hours in America/Los_Angeles.

describe.each(DATABASE_KINDS)('emails in the recipient\'s language on %s', (kind) => {
  let service: WorkflowService;
  let id = '';
  let number = 0;

  beforeAll(async () => {
    service = await startWorkflowService(kind, '2026-10-26T12:00:00Z');
    const chosen = await service.request(RILEY, { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'pt-BR' } });
    expect(chosen.statusCode, chosen.body).toBe(200);
    // Every member of staff reads the desk in German here.
    await service.db.updateTable('users').set({ locale: 'de' }).where('role', '!=', 'customer').execute();
  });
  afterAll(async () => {
    await service?.close();
  });

  const at = (iso: string) => service.clock.set(Date.parse(iso));
  const mails = (event: string) => service.db.selectFrom('mail_log').selectAll().where('ticket_id', '=', id).where('event', '=', event).orderBy('id').execute();
  const travelTo = async (iso: string) => {
    const moved = await service.travel({ to: iso });
    expect(moved.statusCode, moved.body).toBe(200);
  };

  it('confirms a new request in Portuguese, its targets in Riley\'s zone and words', async () => {
    at('2026-10-28T16:00:00-07:00');
    const created = await service.request(RILEY, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Mensagens presas na fila', description: 'As mensagens ficam na fila.' } });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    number = created.json().number;
    await travelTo('2026-10-28T16:01:00-07:00');
    const [confirmation] = await mails('ticket_created');
    expect(confirmation, 'the confirmation email').toBeDefined();
    expect(confirmation!.recipients).toEqual([RILEY]);
    expect(confirmation!.subject).toBe(`[#${number}] Mensagens presas na fila`);
    expect(confirmation!.text_body).toContain('Olá, Riley Marsh,');
    expect(confirmation!.text_body).toContain(`Recebemos a sua solicitação #${number} "Mensagens presas na fila" com prioridade`);
    expect(confirmation!.text_body).toContain('O que garantimos a você:');
    expect(confirmation!.text_body).toMatch(/Prazo de primeira resposta: [a-zç-]+-feira, \d{1,2} de [a-zç]+ de 2026 às \d{2}:\d{2} .* \(America\/Denver\)/);
    expect(confirmation!.text_body).toContain('Responda a este e-mail para adicionar um comentário ao ticket.');
    expect(confirmation!.text_body).not.toMatch(/We have received|Hello/);
    expect(confirmation!.html_body).toContain('Ver o ticket #');
  });

  it('sends staff their alerts in German, with the due time explained step by step', async () => {
    // 8 business hours from Wed 16:00 Pacific (06:00–18:00): 2h that evening, the night skipped, 6h on Thursday.
    await travelTo('2026-10-29T13:00:00-07:00');
    // Support management takes breaches (the warning goes to an assignee, and nobody is assigned).
    const [breached] = await mails('breached');
    expect(breached, 'a breach alert').toBeDefined();
    expect(breached!.recipients).toEqual(['manager@hourglass.example']);
    expect(breached!.subject).toBe(`[#${number}] Ziel verfehlt (Erste Antwort): Mensagens presas na fila`);
    expect(breached!.text_body).toContain(`Das Ziel „Erste Antwort“ von Ticket #${number} „Mensagens presas na fila“ wurde verfehlt; es war am Donnerstag, 29. Oktober 2026 um`);
    expect(breached!.text_body).toContain('So wurde die Fälligkeit berechnet (Geschäftszeiten in America/Los_Angeles; Zeiten mit ihrem Abstand zu UTC):');
    expect(breached!.text_body).toContain('  - Gezählt von 2026-10-28T16:00:00-07:00 bis 2026-10-28T18:00:00-07:00 (2 Std.)');
    expect(breached!.text_body).toContain('  - Nicht gezählt von 2026-10-28T18:00:00-07:00 bis 2026-10-29T06:00:00-07:00: Nacht');
    expect(breached!.text_body).toContain('  - Gezählt von 2026-10-29T06:00:00-07:00 bis 2026-10-29T12:00:00-07:00 (6 Std.)');
    expect(breached!.text_body).toContain(`Ticket #${number} öffnen`);
  });

  it('passes on an agent\'s reply, the pending reminder, its comment and the automatic solve in Portuguese', async () => {
    const reply = await service.request(AGENT, { method: 'POST', url: `/api/v1/tickets/${id}/comments`, payload: { body: 'Pode nos enviar os logs?', public: true } });
    expect(reply.statusCode, reply.body).toBe(201);
    const pending = await service.request(AGENT, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { status: 'pending' } });
    expect(pending.statusCode, pending.body).toBe(200);
    await travelTo('2026-10-29T13:05:00-07:00');
    const [answer] = await mails('public_reply');
    expect(answer!.subject).toBe(`[#${number}] Mensagens presas na fila`);
    expect(answer!.text_body).toContain(`Lena Vogt respondeu ao ticket #${number} "Mensagens presas na fila":`);
    expect(answer!.text_body).toContain('Pode nos enviar os logs?');

    // Pending since Thu 29 Oct 13:00 Pacific: the reminder after 5 business days, the solve after 10 (DST ends on 1 Nov).
    await travelTo('2026-11-05T13:30:00-08:00');
    const [reminder] = await mails('pending_reminder');
    expect(reminder!.subject).toBe(`[#${number}] Aguardando a sua resposta: Mensagens presas na fila`);
    expect(reminder!.text_body).toContain(`O ticket #${number} "Mensagens presas na fila" está aguardando informações suas.`);
    expect(reminder!.text_body).toMatch(/será resolvido automaticamente em quinta-feira, 12 de novembro de 2026 às 14:00 .+ \(America\/Denver\)\./);
    const comments = (await service.request(RILEY, { method: 'GET', url: `/api/v1/tickets/${id}/comments` })).json();
    const system = (Array.isArray(comments) ? comments : comments.items).filter((c: { author_id: string | null }) => c.author_id === null);
    expect(system).toHaveLength(1);
    expect(system[0].body).toMatch(/^Estamos aguardando a sua resposta neste ticket\. .* \(10 dias úteis depois de ficar pendente\)\. Responda para mantê-lo aberto\.$/);

    await travelTo('2026-11-12T13:30:00-08:00');
    const [solved] = await mails('auto_solved');
    expect(solved!.subject).toBe(`[#${number}] Resolvido: Mensagens presas na fila`);
    expect(solved!.text_body).toContain(`O ticket #${number} "Mensagens presas na fila" foi resolvido automaticamente após 10 dias úteis sem resposta.`);
    expect((await service.request(AGENT, { method: 'GET', url: `/api/v1/tickets/${id}` })).json().status).toBe('solved');
  });

  it('writes to a customer who has chosen no language in the language of the ticket, when the desk speaks it', async () => {
    const GABRIEL = 'gabriel@fjordline-travel.example'; // 360dialog premium, English and Brazilian Portuguese
    await service.db.updateTable('users').set({ locale: null }).where('email', '=', GABRIEL).execute();
    const opened: Record<string, string> = {};
    for (const language of ['pt-BR', 'en']) {
      const created = await service.request(GABRIEL, { method: 'POST', url: '/api/v1/tickets', payload: { subject: `Webhooks (${language})`, description: 'Os webhooks atrasam.', language } });
      expect(created.statusCode, created.body).toBe(201);
      opened[language] = created.json().id;
    }
    await travelTo('2026-11-12T13:45:00-08:00');
    const confirmation = async (ticketId: string) =>
      (await service.db.selectFrom('mail_log').selectAll().where('ticket_id', '=', ticketId).where('event', '=', 'ticket_created').executeTakeFirstOrThrow());
    const portuguese = await confirmation(opened['pt-BR']!);
    expect(portuguese.recipients).toEqual([GABRIEL]);
    expect(portuguese.text_body).toContain('Olá, Gabriel Nunes,');
    const english = await confirmation(opened.en!);
    expect(english.text_body).toContain('Hello Gabriel Nunes,');
  });
});
