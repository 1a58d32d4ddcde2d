export { escalationRoutes } from './routes.js';
export { escalateTicket, listEscalations, ESCALATED_EVENT } from './service.js';
export { planEscalation, type EscalationContext, type EscalationPlan, type EscalationRefusal } from './rules.js';
