import type { Migration } from 'kysely';
import * as organisation from './001_organisation.js';
import * as access from './002_access.js';
import * as tickets from './003_tickets.js';
import * as timers from './004_timers.js';
import * as routing from './005_routing.js';
import * as workflow from './006_workflow.js';
import * as mailReview from './007_mail_review.js';
import * as throttle from './008_throttle.js';
import * as calendarFingerprints from './009_calendar_fingerprints.js';
import * as userLocale from './010_user_locale.js';
import * as status from './011_status.js';
import * as availability from './012_availability.js';
import * as statusSubscriptions from './013_status_subscriptions.js';
import * as incidentRfo from './014_incident_rfo.js';
import * as componentNotices from './015_component_notices.js';

/** Every migration, in order. One set serves both PGlite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '001_organisation': organisation,
  '002_access': access,
  '003_tickets': tickets,
  '004_timers': timers,
  '005_routing': routing,
  '006_workflow': workflow,
  '007_mail_review': mailReview,
  '008_throttle': throttle,
  '009_calendar_fingerprints': calendarFingerprints,
  '010_user_locale': userLocale,
  '011_status': status,
  '012_availability': availability,
  '013_status_subscriptions': statusSubscriptions,
  '014_incident_rfo': incidentRfo,
  '015_component_notices': componentNotices,
};
