import type { Instant } from '@hourglass/engine';
import { STOPPED_STATUSES } from './breaks.js';
import type { AgentActivity, MetricKind, StatusChange } from './types.js';

/** The facts that decide when a metric is met. Only facts at or before `now` count. */
export interface MilestoneFacts {
  agent_activity: readonly AgentActivity[];
  status_history: readonly StatusChange[];
  now: Instant;
}

/** Where a target's clock starts and what ended it. */
export interface Milestones {
  /** `null`: the clock has not started (next_update before any public reply). */
  start: Instant | null;
  met: Instant | null;
}

/**
 * The milestones of a metric of kind `kind`: acknowledgment is met by the first agent activity,
 * public or internal; first_response by the first public agent reply; resolution by solving the
 * ticket (reopening undoes it).
 *
 * `next_update` (SPEC: each further public agent update within the target while the ticket is
 * open) runs from the latest public agent reply: each public update meets the update owed before
 * it and starts the next one, due a target's time after it. Solving the ticket after the latest
 * update meets the last one (no further update is owed); reopening owes one again, from the
 * latest update with the solved stretch left out.
 */
export function milestones(kind: MetricKind, clockStart: Instant, facts: MilestoneFacts): Milestones {
  const activity = facts.agent_activity
    .filter((a) => a.at >= clockStart && a.at <= facts.now)
    .sort((a, b) => a.at - b.at);
  const publicReplies = activity.filter((a) => a.kind === 'public_reply');
  switch (kind) {
    case 'acknowledgment':
      return { start: clockStart, met: activity[0]?.at ?? null };
    case 'first_response':
      return { start: clockStart, met: publicReplies[0]?.at ?? null };
    case 'next_update': {
      const latest = publicReplies[publicReplies.length - 1]?.at ?? null;
      const solved = solvedSince(facts.status_history, facts.now);
      return { start: latest, met: latest !== null && solved !== null && solved >= latest ? solved : null };
    }
    case 'resolution':
      return { start: clockStart, met: solvedSince(facts.status_history, facts.now) };
  }
}

/** When the ticket's current solved (or solved-then-closed) stretch began; `null` if unsolved. */
function solvedSince(history: readonly StatusChange[], now: Instant): Instant | null {
  const changes = history.filter((c) => c.at <= now).sort((a, b) => a.at - b.at);
  let since: Instant | null = null;
  for (const change of changes) {
    if (!STOPPED_STATUSES.includes(change.status)) since = null;
    else if (since === null) since = change.at;
  }
  return since;
}
