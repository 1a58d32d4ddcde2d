/**
 * Where the incidents and Alertmanager code first found `announceStatusChange`; it lives in the shared
 * layer now (`db/status-change.ts`), so that the features that change the status and the status page
 * do not import each other. Import it from there.
 */
export { announceStatusChange, localStatusChanges, STATUS_CHANNEL } from '../db/status-change.js';
