import { DEFAULT_LOCALE, type Locale, type MessageId, translator } from '../i18n/index.js';
import type { Blocker, RoutingWhy } from './why.js';

const RULE_MESSAGES: Record<RoutingWhy['rule'], MessageId> = {
  primary_manager: 'routing.why.manager',
  secondary_manager: 'routing.why.manager',
  follow_the_sun: 'routing.why.followTheSun',
  follow_the_sun_queue: 'routing.why.followTheSunQueue',
  team_language: 'routing.why.teamLanguage',
  team_member: 'routing.why.teamMember',
  team_queue: 'routing.why.teamQueue',
  unassigned: 'routing.why.unassigned',
};

const BLOCKER_MESSAGES: Record<Blocker['kind'], MessageId> = {
  unset: 'routing.blocker.unset',
  routed_away: 'routing.blocker.routedAway',
  deactivated: 'routing.blocker.deactivated',
  out_of_office: 'routing.blocker.outOfOffice',
  outside_hours: 'routing.blocker.outsideHours',
  no_hours: 'routing.blocker.noHours',
  invalid_hours: 'routing.blocker.invalidHours',
  presence: 'routing.blocker.presence',
};

const languageNames = new Map<Locale, Intl.DisplayNames>();

/** A language tag in the reader's words ("Deutsch", "alemão"); English keeps the tag, as the audit trail always has. */
function languageIn(locale: Locale, tag: string): string {
  if (locale === DEFAULT_LOCALE) return tag;
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' });
    languageNames.set(locale, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * Why routing chose as it did, in `locale`: "Irina Sokolova is the primary account manager, at work
 * and available." Each reason the people tried first could not take the ticket is a clause of its
 * own, the clauses separated by semicolons.
 */
export function routingReasonIn(locale: Locale, why: RoutingWhy): string {
  const { t } = translator(locale);
  const blocked = why.blockers.map((b) => t(BLOCKER_MESSAGES[b.kind], { ...b, name: 'name' in b ? b.name : '' })).join('; ');
  const decision = t(RULE_MESSAGES[why.rule], {
    blocked,
    hasBlocked: why.blockers.length > 0 ? 'yes' : 'no',
    person: why.person ?? '',
    role: why.role ?? 'primary',
    team: why.team ?? '',
    language: why.language === undefined ? '' : languageIn(locale, why.language),
    load: why.load ?? 0,
  });
  if (!why.rerouted) return decision;
  return t('routing.rerouted', { ...why.rerouted, decision });
}
