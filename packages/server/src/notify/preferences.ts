import { type LocalizedText, textIn } from '../errors.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';
import { isNotifyEvent, isNotifyRole, NOTIFY_EVENTS, NOTIFY_ROLES, type NotifyEvent, type NotifyRole } from './events.js';
import { NotifyError } from './errors.js';

/** A person's choices: `true` to receive an event, `false` to mute it; events left out follow the role's default. */
export type NotificationPreferences = Partial<Record<NotifyEvent, boolean>>;

const CUSTOMER_EVENTS = ['ticket_created', 'public_reply', 'pending_reminder', 'auto_solved'] as const satisfies readonly NotifyEvent[];

/** What each role receives when it has chosen nothing. */
export const DEFAULT_EVENTS: Readonly<Record<NotifyRole, readonly NotifyEvent[]>> = {
  customer: CUSTOMER_EVENTS,
  agent: ['assigned', 'breach_warning', 'breached', 'escalated', 'escalation_warning', 'escalation_breached'],
  manager: ['breached', 'escalated', 'escalation_breached'],
  admin: [],
};

/** What each role may choose to receive. Customers never get internal SLA alerts, whatever they set. */
export const ALLOWED_EVENTS: Readonly<Record<NotifyRole, readonly NotifyEvent[]>> = {
  customer: CUSTOMER_EVENTS,
  agent: NOTIFY_EVENTS,
  manager: NOTIFY_EVENTS,
  admin: NOTIFY_EVENTS,
};

function checkRole(role: string): asserts role is NotifyRole {
  if (!isNotifyRole(role)) throw new NotifyError('invalid_role', `Unknown role ${JSON.stringify(role)}; one of ${NOTIFY_ROLES.join(', ')}.`);
}

/** Whether a person with `role` and `preferences` should be told about `event`. */
export function shouldNotify(preferences: NotificationPreferences | null | undefined, role: NotifyRole, event: NotifyEvent): boolean {
  checkRole(role);
  if (!isNotifyEvent(event)) throw new NotifyError('unknown_event', `Unknown event ${JSON.stringify(event)}; one of ${NOTIFY_EVENTS.join(', ')}.`);
  if (!ALLOWED_EVENTS[role].includes(event)) return false;
  return preferences?.[event] ?? DEFAULT_EVENTS[role].includes(event);
}

/** Every event with whether it reaches this person, for a settings page. */
export function effectivePreferences(preferences: NotificationPreferences | null | undefined, role: NotifyRole): Record<NotifyEvent, boolean> {
  return Object.fromEntries(NOTIFY_EVENTS.map((event) => [event, shouldNotify(preferences, role, event)])) as Record<NotifyEvent, boolean>;
}

/** One bad entry of a settings update: where, in English, and as a catalog message for the reader's language. */
export interface PreferencesProblem {
  path: string;
  message: string;
  text: LocalizedText;
}

export type PreferencesCheck = { ok: true; preferences: NotificationPreferences } | { ok: false; problems: PreferencesProblem[] };

const problem = (path: string, text: LocalizedText): PreferencesProblem => ({ path, message: textIn(text, DEFAULT_LOCALE), text });

/** Validates preferences sent by a client for a person of `role`, reporting every problem at once. */
export function checkPreferences(role: NotifyRole, input: unknown): PreferencesCheck {
  checkRole(role);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [problem('', { id: 'validation.preferences.notObject' })] };
  }
  const problems: PreferencesProblem[] = [];
  const choices = { events: ALLOWED_EVENTS[role].join(', ') };
  const preferences: NotificationPreferences = {};
  for (const [key, value] of Object.entries(input)) {
    if (!isNotifyEvent(key)) {
      problems.push(problem(key, { id: 'validation.preferences.unknownEvent', values: choices }));
    } else if (typeof value !== 'boolean') {
      problems.push(problem(key, { id: 'validation.preferences.notBoolean' }));
    } else if (value && !ALLOWED_EVENTS[role].includes(key)) {
      problems.push(problem(key, { id: 'validation.preferences.notForRole', values: { role, event: key, ...choices } }));
    } else {
      preferences[key] = value;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, preferences };
}
