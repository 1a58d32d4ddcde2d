import { describe, expect, it } from 'vitest';
import { decideRoute, unavailability, type Candidate, type RoutingTeam } from '../src/routing/decide.js';
import { workingStateAt } from '../src/routing/schedule.js';
import { routingReasonIn } from '../src/assignment-reasons/text.js';

const weekdays = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from, to }]]));
const person = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  name: id,
  zone: 'Europe/Berlin',
  working_hours: weekdays('09:00', '17:00'),
  out_of_office: [],
  presence: 'available',
  active: true,
  languages: ['en'],
  load: 0,
  ...over,
});
const team = (id: string, members: Candidate[]): RoutingTeam => ({ id, name: id, members });
const at = (iso: string) => Date.parse(iso);

describe('working time in the person\'s own zone', () => {
  it('follows the zone\'s DST: 09:00 Berlin is 08:00Z in winter and 07:00Z in summer', () => {
    const berlin = person('b');
    expect(workingStateAt(berlin, at('2026-03-27T07:30:00Z'))).toMatchObject({ working: false, why: 'outside_hours', next: at('2026-03-27T08:00:00Z') });
    expect(workingStateAt(berlin, at('2026-03-30T07:30:00Z'))).toEqual({ working: true }); // Monday after the change of 29 March
    expect(workingStateAt(berlin, at('2026-03-30T15:00:00Z'))).toMatchObject({ working: false, why: 'outside_hours' }); // 17:00 CEST: the day is over
  });

  it('handles night shifts that cross midnight, weekends, out-of-office ranges and missing or broken hours', () => {
    const night = person('n', { zone: 'Asia/Kolkata', working_hours: { fri: [{ from: '22:00', to: '06:00' }] } });
    expect(workingStateAt(night, at('2026-03-07T00:00:00Z'))).toEqual({ working: true }); // Saturday 05:30 Kolkata, Friday's shift
    expect(workingStateAt(night, at('2026-03-07T01:00:00Z')).working).toBe(false);
    const away = person('a', { out_of_office: [{ start: at('2026-03-02T00:00:00Z'), end: at('2026-03-04T00:00:00Z') }] });
    expect(workingStateAt(away, at('2026-03-03T10:00:00Z'))).toEqual({ working: false, why: 'out_of_office', until: at('2026-03-04T00:00:00Z') });
    expect(workingStateAt(away, at('2026-03-04T10:00:00Z'))).toEqual({ working: true });
    expect(workingStateAt(person('x', { working_hours: null }), at('2026-03-03T10:00:00Z'))).toEqual({ working: false, why: 'no_hours' });
    const overlapping = person('o', { working_hours: { mon: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }] } });
    expect(workingStateAt(overlapping, at('2026-03-02T10:30:00Z'))).toEqual({ working: false, why: 'invalid_hours' });
  });
});

describe('the routing decision', () => {
  const monday = at('2026-03-02T10:00:00Z'); // 11:00 Berlin
  const sun = team('sun', [person('s1', { load: 3 }), person('s2', { load: 1 }), person('s3', { load: 0, presence: 'away' })]);

  it('takes the primary, then the secondary, then the least-loaded available follow-the-sun engineer, then the team queue', () => {
    const primary = person('p');
    const secondary = person('s');
    expect(decideRoute({ kind: 'personalized', primary, secondary, followTheSun: sun }, monday)).toMatchObject({ assignee_id: 'p', rule: 'primary_manager' });
    expect(decideRoute({ kind: 'personalized', primary: { ...primary, presence: 'offline' }, secondary, followTheSun: sun }, monday)).toMatchObject({
      assignee_id: 's',
      rule: 'secondary_manager',
      reason: 's is the secondary account manager, at work and available (p is offline).',
    });
    const both = decideRoute({ kind: 'personalized', primary, secondary, followTheSun: sun, exclude: ['p', 's'] }, monday);
    expect(both).toMatchObject({ assignee_id: 's2', team_id: 'sun', rule: 'follow_the_sun' });
    const nobody = team('sun', sun.members.map((m) => ({ ...m, presence: 'offline' as const })));
    expect(decideRoute({ kind: 'personalized', primary: null, secondary: null, followTheSun: nobody }, monday)).toMatchObject({ assignee_id: null, team_id: 'sun', rule: 'follow_the_sun_queue' });
    expect(decideRoute({ kind: 'personalized', primary: null, secondary: null, followTheSun: null }, monday)).toMatchObject({ assignee_id: null, team_id: null, rule: 'unassigned' });
  });

  it('prefers speakers of the ticket\'s language, then anyone available, then the queue; ties go by name', () => {
    const emea = team('emea', [person('Lena', { languages: ['en', 'de'], load: 4 }), person('Ana', { languages: ['en', 'pt-BR'], load: 1 }), person('Bo', { languages: ['en'], load: 1 })]);
    expect(decideRoute({ kind: 'team', team: emea, language: 'de' }, monday)).toMatchObject({ assignee_id: 'Lena', rule: 'team_language' });
    expect(decideRoute({ kind: 'team', team: emea, language: 'ru' }, monday)).toMatchObject({ assignee_id: 'Ana', rule: 'team_member' });
    expect(decideRoute({ kind: 'team', team: emea, language: 'de' }, at('2026-03-02T20:00:00Z'))).toMatchObject({ assignee_id: null, team_id: 'emea', rule: 'team_queue' });
    expect(decideRoute({ kind: 'team', team: null, language: 'en' }, monday)).toMatchObject({ assignee_id: null, team_id: null, rule: 'unassigned' });
  });

  it('explains why a person is unavailable', () => {
    expect(unavailability(person('p', { active: false }), monday)).toEqual({ kind: 'deactivated', name: 'p' });
    expect(unavailability(person('p', { presence: 'away' }), monday)).toEqual({ kind: 'presence', name: 'p', presence: 'away' });
    expect(unavailability(person('p'), at('2026-03-07T10:00:00Z'))).toEqual({ kind: 'outside_hours', name: 'p' });
    expect(unavailability(person('p'), monday)).toBeNull();
  });

  it('gives its reason as data, phrased in each reader\'s language', () => {
    const input = { kind: 'personalized' as const, primary: person('Irina Sokolova', { presence: 'away' }), secondary: null, followTheSun: team('Follow the sun', [person('Lena Vogt', { load: 2 })]) };
    const decision = decideRoute(input, monday);
    expect(decision.why).toEqual({
      rule: 'follow_the_sun',
      blockers: [{ kind: 'presence', name: 'Irina Sokolova', presence: 'away' }, { kind: 'unset', role: 'secondary' }],
      person: 'Lena Vogt',
      team: 'Follow the sun',
      load: 2,
    });
    expect(decision.reason).toBe('Irina Sokolova is away; no secondary account manager is set: Lena Vogt of Follow the sun is at work and available with the fewest open tickets (2).');
    expect(routingReasonIn('de', decision.why)).toBe(
      'Irina Sokolova ist abwesend; es ist keine zweite Ansprechperson für das Konto festgelegt: Lena Vogt aus Follow the sun ist bei der Arbeit, verfügbar und hat die wenigsten offenen Tickets (2).',
    );
    const byLanguage = decideRoute({ kind: 'team', team: team('Berlin', [person('Lena Vogt', { languages: ['de'] })]), language: 'de' }, monday);
    expect(byLanguage.reason).toBe('Lena Vogt of Berlin speaks de, is at work and available with the fewest open tickets (0).');
    expect(routingReasonIn('pt-BR', byLanguage.why)).toBe('Lena Vogt, de Berlin, fala alemão e está trabalhando e disponível, com o menor número de tickets abertos (0).');
    expect(routingReasonIn('ru', { ...byLanguage.why, rerouted: { name: 'Irina Sokolova', cause: 'set', until: '2026-03-09T17:00:00.000Z' } })).toBe(
      'Irina Sokolova: отсутствует до 2026-03-09T17:00:00.000Z, а над обращением ещё никто не работал. Lena Vogt (команда Berlin) говорит на языке «немецкий», на работе, на связи и с наименьшим числом открытых обращений (0).',
    );
  });
});
