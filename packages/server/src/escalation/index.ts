export { escalationRoutes } from './routes.js';
export { escalateTicket, listEscalations, ESCALATED_EVENT } from './service.js';
export { planEscalation, type EscalationContext, type EscalationPlan, type EscalationRefusal } from './rules.js';
export { loadEscalations, settleEscalations, earliest, type EscalationRecord } from './store.js';
export { presentEscalation } from './present.js';
export { EscalationSchema, type EscalationJson } from './schemas.js';
