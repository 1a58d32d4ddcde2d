import type { Actor } from '../auth/actor.js';
import { fixedClock } from '../clock.js';
import type { TicketStatus, User } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import { acknowledgeTicket, reclassifyTicket, updateTicket } from '../tickets/commands.js';
import { addComment } from '../tickets/comments.js';
import { createTicket } from '../tickets/create.js';
import type { CreateTicketInput } from '../tickets/schemas.js';
import type { SeedContext, SeedStep } from './seed.js';

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

type Step =
  | { at: number; do: 'reply'; by: string; body: string; public?: boolean }
  | { at: number; do: 'customer_reply'; body: string }
  | { at: number; do: 'status'; by: string; to: TicketStatus }
  | { at: number; do: 'acknowledge'; by: string }
  | { at: number; do: 'assign'; by: string; to: string }
  | { at: number; do: 'reclassify'; by: string; to: string; reason: string };

interface DemoTicket {
  account: string;
  /** How long before the seeding instant the ticket was opened. */
  ageMs: number;
  production: boolean;
  input: Omit<CreateTicketInput, 'account_id' | 'requester_id' | 'project_id'>;
  /** Offsets from the opening. */
  steps: Step[];
}

/** Fictional tickets in every status, on every pack, some near or past their due times. */
const DEMO_TICKETS: DemoTicket[] = [
  { account: 'twilio_premium', ageMs: 40 * MINUTE, production: true, input: { subject: 'Outbound calls fail with error 31005', description: 'Since this morning about a third of outbound calls from our dispatch app end with error 31005.', priority: 'P1' }, steps: [] },
  { account: 'twilio_bootstrap', ageMs: 3 * HOUR, production: true, input: { subject: 'Inbound SMS webhooks time out', description: 'Our status callback endpoint receives inbound messages late; the debugger shows 11200 warnings.', priority: 'P2' }, steps: [] },
  { account: 'twilio_personalized', ageMs: 5 * HOUR, production: true, input: { subject: 'Choppy audio on conference calls', description: 'Agents report choppy audio on conferences with more than five participants.', priority: 'P2' }, steps: [{ at: 20 * MINUTE, do: 'assign', by: 'tam_west', to: 'tam_west' }, { at: 50 * MINUTE, do: 'reply', by: 'tam_west', body: 'Thanks, we are looking at the media regions of these conferences now.' }] },
  { account: 'twilio_free', ageMs: 50 * HOUR, production: false, input: { subject: 'How do I verify a caller ID?', description: 'The console asks for a verification call, but we never receive it.' }, steps: [{ at: 4 * HOUR, do: 'reply', by: 'sun_amer', body: 'Could you send the number you are verifying and the time you tried?' }, { at: 4 * HOUR + MINUTE, do: 'status', by: 'sun_amer', to: 'pending' }] },
  { account: 'twilio_bootstrap', ageMs: 30 * HOUR, production: false, input: { subject: 'Question about the status page feed', description: 'Is there a machine-readable feed of incidents?', channel: 'chat' }, steps: [] },
  { account: 'twilio_premium', ageMs: 26 * HOUR, production: true, input: { subject: 'Delivery receipts missing for one carrier', description: 'Delivery receipts stopped arriving for messages to one carrier.', priority: 'P3' }, steps: [{ at: 30 * MINUTE, do: 'reclassify', by: 'tam_west', to: 'P2', reason: 'Affects all transactional messages of the customer on that carrier.' }, { at: 90 * MINUTE, do: 'reply', by: 'tam_west', body: 'We have raised this with the carrier and will update you.' }, { at: 2 * HOUR, do: 'status', by: 'tam_west', to: 'on_hold' }] },
  { account: 'dialog_standard', ageMs: 2 * HOUR, production: true, input: { subject: 'Template rejected without a reason', description: 'Our order confirmation template was rejected this morning.', priority: 'urgent' }, steps: [] },
  { account: 'dialog_premium', ageMs: 3 * HOUR, production: true, input: { subject: 'Messages not delivered to Brazil', description: 'Messages to Brazilian numbers stay in sent.', priority: 'critical', language: 'pt-BR', product: 'messaging', intake: { phone_number: '+55 11 5555 0100', description: 'Since 08:00 no message reaches Brazilian numbers.', message_ids: 'wamid.demo-1, wamid.demo-2', occurred_at: 'OPENED' } }, steps: [{ at: 15 * MINUTE, do: 'acknowledge', by: 'latam' }, { at: 25 * MINUTE, do: 'reply', by: 'latam', body: 'Found it: a routing change; fixed now. Please confirm.' }, { at: 26 * MINUTE, do: 'status', by: 'latam', to: 'solved' }] },
  { account: 'dialog_platinum', ageMs: 72 * HOUR, production: true, input: { subject: 'Changing our partner', description: 'We want to move two numbers to another partner.', priority: 'standard', language: 'ru', product: 'account', intake: { phone_number: '+49 30 5555 0199', topic: 'Changing partners', description: 'Two numbers to move.' } }, steps: [{ at: HOUR, do: 'reply', by: 'emea_ru', body: 'Done; both numbers are moved.' }, { at: 2 * HOUR, do: 'status', by: 'emea_ru', to: 'solved' }, { at: 50 * HOUR, do: 'status', by: 'emea_ru', to: 'closed' }] },
  { account: 'exotel_enterprise', ageMs: 90 * MINUTE, production: true, input: { subject: 'IVR flow drops calls after the greeting', description: 'Calls to our support line drop right after the greeting.', priority: 'sev1' }, steps: [{ at: 10 * MINUTE, do: 'acknowledge', by: 'india' }] },
  { account: 'exotel_sme', ageMs: 20 * HOUR, production: true, input: { subject: 'Call recordings not downloadable', description: 'The recording links in the call report return 404.', priority: 'sev3', channel: 'chat' }, steps: [{ at: 2 * HOUR, do: 'reply', by: 'india', body: 'Could you share two call SIDs with this problem?' }, { at: 2 * HOUR + MINUTE, do: 'status', by: 'india', to: 'pending' }, { at: 6 * HOUR, do: 'customer_reply', body: 'Here they are: see the attachment.' }] },
];

/** Opens the demo tickets through the same services as the API, on a clock moved back to each ticket's opening. */
export const seedTickets: SeedStep = async (ctx) => {
  const seedNow = ctx.clock.now();
  const clock = fixedClock(seedNow);
  const deps: AppDeps = { db: ctx.db, clock, registry: ctx.registry };
  const staffActor = (key: string) => actorOf(ctx.staff.get(key)!);
  for (const demo of DEMO_TICKETS) {
    const account = ctx.accounts.get(demo.account)!;
    const customer = ctx.customers.get(demo.account)!;
    const project = await ctx.db.selectFrom('projects').select('id').where('account_id', '=', account.id).where('production', '=', demo.production).executeTakeFirstOrThrow();
    const openedAt = seedNow - demo.ageMs;
    clock.set(openedAt);
    const intake = demo.input.intake && Object.fromEntries(Object.entries(demo.input.intake).map(([k, v]) => [k, v === 'OPENED' ? new Date(openedAt - HOUR).toISOString() : v]));
    const ticket = await createTicket(deps, ctx.db, actorOf(customer), { ...demo.input, ...(intake && { intake }), project_id: project.id });
    for (const step of demo.steps) {
      clock.set(openedAt + step.at);
      await runStep(deps, ctx, ticket.id, step, staffActor, actorOf(customer));
    }
  }
  clock.set(seedNow);
};

async function runStep(deps: AppDeps, ctx: SeedContext, ticketId: string, step: Step, staff: (key: string) => Actor, customer: Actor): Promise<void> {
  switch (step.do) {
    case 'reply':
      await addComment(deps, ctx.db, staff(step.by), ticketId, { body: step.body, public: step.public ?? true });
      return;
    case 'customer_reply':
      await addComment(deps, ctx.db, customer, ticketId, { body: step.body, public: true });
      return;
    case 'status':
      await updateTicket(deps, ctx.db, staff(step.by), ticketId, { status: step.to });
      return;
    case 'acknowledge':
      await acknowledgeTicket(deps, ctx.db, staff(step.by), ticketId);
      return;
    case 'assign':
      await updateTicket(deps, ctx.db, staff(step.by), ticketId, { assignee_id: ctx.staff.get(step.to)!.id });
      return;
    case 'reclassify':
      await reclassifyTicket(deps, ctx.db, staff(step.by), ticketId, { priority: step.to, reason: step.reason });
      return;
  }
}

function actorOf(user: User): Actor {
  return { userId: user.id, providerId: user.provider_id, role: user.role, accountId: user.account_id, principal: `user:${user.id}`, via: 'session', account: null };
}
