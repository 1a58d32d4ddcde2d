import { describe, expect, it } from 'vitest';
import { parsePack, type Problem } from '@hourglass/policy';
import { MINIMAL } from './fixtures.js';

function problemsOf(text: string): Problem[] {
  const result = parsePack(text, 'pack.yaml');
  if (result.ok) throw new Error('expected problems, the pack was accepted');
  return result.problems;
}

describe('parsePack', () => {
  it('accepts a valid pack and inherits unset keys from the previous version', () => {
    const result = parsePack(MINIMAL, 'pack.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [v1, v2] = result.pack.versions;
    expect(v1!.breachWarningAt).toBeNull();
    expect(v2!.breachWarningAt).toBe(0.8);
    expect(v2!.planIds()).toEqual(['gold', 'free']);
    expect(v2!.effectiveFrom).toBe(Date.parse('2024-12-31T23:00:00Z'));
  });

  it('reports YAML syntax errors with line and column', () => {
    const [problem] = problemsOf('id: acme\nname: [unclosed\n');
    expect(problem!.message).toMatch(/^YAML syntax/);
    expect(problem!.line).toBeGreaterThanOrEqual(2);
  });

  it('lists every problem of a broken pack with its path, line and a plain reason', () => {
    const broken = MINIMAL.replace('zone: Europe/Paris', 'zone: Europe/Pariss')
      .replace('mon: [{ from: "09:00", to: "17:00" }]', 'mon: [{ from: "09:00", to: "17:00" }, { from: "16:00", to: "18:00" }]')
      .replace('low: 4h', 'low: -4h')
      .replace('calendar: office\n        targets: none', 'calendar: nowhere\n        targets: none')
      .replace('name: Gold', 'name: Gold\n        colour: gold');
    const problems = problemsOf(broken);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    // Shape problems and cross-reference problems come in one pass.
    expect(byPath['versions[0].plans[0].colour']?.message).toMatch(/unknown key "colour".*allowed keys here: id, name/);
    expect(byPath['versions[0].plans[0].colour']?.line).toBe(23);
    expect(byPath['versions[0].plans[0].targets.first_response.low']?.message).toMatch(/duration/);

    const second = problems;
    const paths = second.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toHaveLength(5);
    expect(paths).toContain('versions[0].calendars[0].zone');
    expect(paths).toContain('versions[0].calendars[0].weekly.mon[1]');
    expect(paths).toContain('versions[0].plans[1].calendar');
    const zone = second.find((p) => p.path === 'versions[0].calendars[0].zone')!;
    expect(zone.line).toBe(8);
    expect(zone.message).toMatch(/Europe\/Pariss/);
    expect(second.find((p) => p.path === 'versions[0].plans[1].calendar')!.message).toMatch(/unknown calendar "nowhere".*office, 24x7/);
  });

  it('names unknown priorities, metrics and missing targets', () => {
    const problems = problemsOf(MINIMAL.replace('low: 4h', 'lo: 4h').replace('first_response: { high', 'first_respons: { high'));
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages.some((m) => /targets\.first_respons: unknown metric "first_respons"; this version defines first_response/.test(m))).toBe(true);
    expect(messages.some((m) => /targets: no targets for metric first_response/.test(m))).toBe(true);
    const second = problemsOf(MINIMAL.replace('low: 4h', 'lo: 4h'));
    expect(second.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/unknown priority "lo"/), expect.stringMatching(/no target for priority low/)]),
    );
  });

  it('rejects a calendar that is never open, two defaults, and versions out of order', () => {
    const neverOpen = MINIMAL.replace(/weekly:\n {10}mon: .*\n {10}tue: .*\n/, 'weekly: {}\n');
    expect(problemsOf(neverOpen).some((p) => p.path.startsWith('versions[0].calendars[0]') && /never open/.test(p.message))).toBe(true);
    const twoDefaults = MINIMAL.replace('definition: Down }', 'definition: Down, default: true }');
    expect(problemsOf(twoDefaults)[0]!.message).toMatch(/only one priority may be the default \(high, low are\)/);
    const order = MINIMAL.replace('2025-01-01T00:00:00+01:00', '2023-01-01T00:00:00Z');
    expect(problemsOf(order)[0]).toMatchObject({ path: 'versions[1].effective_from' });
  });

  it('reads a production-only restriction with its reason, and checks channels against each other', () => {
    const restricted = MINIMAL.replace(
      '{ id: high, name: High, definition: Down }',
      '{ id: high, name: High, definition: Down, restrictions: { production_only: true, reason: High is for production outages only. } }',
    );
    const result = parsePack(restricted, 'pack.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.pack.versions[0]!.priority('high')).toMatchObject({ production_only: true, restriction_reason: 'High is for production outages only.' });
      expect(result.pack.versions[0]!.priority('low')).toMatchObject({ production_only: false, restriction_reason: null });
    }
    const stray = MINIMAL.replace('    breach_warning_at: 0.8', '    channels: [web, api]\n    channels_without_sla: [chat]');
    expect(problemsOf(stray)).toEqual([
      expect.objectContaining({ path: 'versions[1].channels_without_sla[0]', message: expect.stringContaining('"chat" is not one of this version\'s channels (web, api)') }),
    ]);
    expect(problemsOf(MINIMAL.replace('    breach_warning_at: 0.8', '    channels: []'))[0]).toMatchObject({ path: 'versions[1].channels' });
    expect(problemsOf(MINIMAL.replace('    breach_warning_at: 0.8', '    channels: [fax]'))[0]).toMatchObject({ path: 'versions[1].channels[0]' });
  });

  it('checks the short path’s recency: a datetime field of the form', () => {
    const form = (recency: string) =>
      MINIMAL.replace(
        '    breach_warning_at: 0.8',
        [
          '    intake:',
          '      forms:',
          '        - id: messaging',
          '          name: Messaging',
          '          fields:',
          '            - { id: description, label: What happened, type: textarea, required: true }',
          '            - { id: sent_at, label: When, type: datetime, required: true, recency: { ok_within: 72h } }',
          '          abridged:',
          '            explanation: One example and a description.',
          '            required: [description]',
          `            recency: ${recency}`,
        ].join('\n'),
      );
    expect(parsePack(form('{ sent_at: { ok_within: 48h } }'), 'pack.yaml').ok).toBe(true);
    expect(problemsOf(form('{ description: { ok_within: 48h } }'))[0]!.message).toMatch(/datetime fields only; "description" is a textarea field/);
    expect(problemsOf(form('{ sent: { ok_within: 48h } }'))[0]!.message).toMatch(/unknown field "sent"/);
  });

  it('rejects an unparseable instant and a duplicate key', () => {
    expect(problemsOf(MINIMAL.replace('2024-01-01T00:00:00Z', '2024-01-01 noon'))[0]).toMatchObject({ path: 'versions[0].effective_from' });
    expect(problemsOf(MINIMAL.replace('name: Acme', 'name: Acme\nname: Again'))[0]!.message).toMatch(/YAML syntax.*unique/i);
  });
});
