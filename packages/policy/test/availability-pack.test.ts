import { describe, expect, it } from 'vitest';
import { loadShippedPacks, parsePack, type Problem } from '@hourglass/policy';
import { MINIMAL } from './fixtures.js';

const withAvailability = (section: string) => MINIMAL.replace('    breach_warning_at: 0.8\n', `    breach_warning_at: 0.8\n    availability:\n${section}`);

function problemsOf(text: string): Problem[] {
  const result = parsePack(text, 'acme.yaml');
  if (result.ok) throw new Error('expected problems, the pack was accepted');
  return result.problems;
}

describe('availability section of a pack', () => {
  it('reads the share of partial outage, the credit and the claim window', () => {
    const result = parsePack(
      withAvailability(
        '      default_threshold: 99.9\n      partial_outage_share: 0.5\n      credit_percent: 25\n      claim_window_days: 45\n      packages:\n        - { id: gold-api, name: Gold API, component: api, threshold: 99.99 }\n',
      ),
      'acme.yaml',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.versions[0]!.availability).toBeNull();
    expect(result.pack.versions[1]!.availability).toEqual({
      default_threshold: 99.9,
      partial_outage_share: 0.5,
      credit_percent: 25,
      claim_window_days: 45,
      packages: [{ id: 'gold-api', name: 'Gold API', component: 'api', threshold: 99.99 }],
    });
  });

  it('names the file, the path, the line and the reason of each bad value', () => {
    const problems = problemsOf(
      withAvailability(
        '      default_threshold: 99.9\n      partial_outage_share: 1.5\n      credit_percent: 0\n      claim_window_days: 30.5\n      packages:\n        - { id: a, name: A, component: api, threshold: 99.99 }\n        - { id: a, name: B, component: api, threshold: 101 }\n',
      ),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(problems.every((p) => p.file === 'acme.yaml')).toBe(true);
    expect(byPath['versions[1].availability.partial_outage_share']?.message).toMatch(/1/);
    expect(byPath['versions[1].availability.partial_outage_share']?.line).toBe(36);
    expect(byPath['versions[1].availability.credit_percent']?.message).toMatch(/0/);
    expect(byPath['versions[1].availability.claim_window_days']?.message).toMatch(/int/);
    expect(byPath['versions[1].availability.packages[1].threshold']?.message).toMatch(/100/);
  });

  it('refuses an availability package defined twice', () => {
    const problems = problemsOf(
      withAvailability('      default_threshold: 99.9\n      packages:\n        - { id: a, name: A, component: api, threshold: 99.99 }\n        - { id: a, name: B, component: web, threshold: 99.99 }\n'),
    );
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([expect.stringMatching(/^versions\[1\]\.availability\.packages\[1\]\.id: availability package "a" is defined twice/)]);
  });

  it('ships Twilio’s published SLA: 99.95%, 10% credit, 30 days to claim, 99.99% on mail-send with either email package from 2025-04', async () => {
    const twilio = (await loadShippedPacks()).pack('twilio');
    for (const version of twilio.versions) expect(version.availability).toMatchObject({ default_threshold: 99.95, partial_outage_share: 0.3, credit_percent: 10, claim_window_days: 30 });
    expect(twilio.version('2025-04').availability?.packages?.map((p) => [p.id, p.component, p.threshold])).toEqual([
      ['email_deliverability', 'mail-send', 99.99],
      ['email_experts', 'mail-send', 99.99],
    ]);
  });
});
