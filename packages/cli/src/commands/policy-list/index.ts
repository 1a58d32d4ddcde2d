/** `hourglass policy list`: the shipped policy packs and what each version holds. */
import type { PolicyRegistry } from '@hourglass/policy';
import { flag, parseFlags, wantsHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { writeLine } from '../../io.js';
import { describeRegistry, type PackListing, type VersionListing } from './describe.js';

export const POLICY_LIST_HELP = `hourglass policy list: the shipped policy packs

Usage:
  hourglass policy list [--json]

Lists each pack's versions (with the instant each takes effect), plans (with aliases), priorities
(the default marked), metrics and calendars.

Flags:
  --json       print JSON instead of text
  -h, --help   show this help`;

function versionLines(v: VersionListing): string[] {
  const plans = v.plans.map((p) => (p.aliases.length ? `${p.id} (alias ${p.aliases.join(', ')})` : p.id));
  const priorities = v.priorities.map((p) => `${p.id} ${p.name}${p.default ? ' (default)' : ''}`);
  const metrics = v.metrics.map((m) => (m.id === m.kind ? m.id : `${m.id} (${m.kind})`));
  return [
    `  version ${v.id}, in force from ${v.effective_from}`,
    `    plans:       ${plans.join(', ')}`,
    `    priorities:  ${priorities.join(', ')}`,
    `    metrics:     ${metrics.join(', ')}`,
    `    calendars:   ${v.calendars.map((c) => `${c.id} (${c.zone}; ${c.hours})`).join(', ')}`,
  ];
}

export function renderPacks(packs: readonly PackListing[]): string {
  const blocks = packs.map((pack) => [`${pack.id}: ${pack.name}`, ...pack.versions.flatMap(versionLines)].join('\n'));
  return blocks.join('\n\n');
}

export function policyListCommand(loadRegistry: () => Promise<PolicyRegistry>): Command {
  return {
    path: ['policy', 'list'],
    summary: 'the shipped policy packs: versions, plans, priorities, metrics, calendars',
    help: POLICY_LIST_HELP,
    async run(args, io) {
      const parsed = parseFlags(args, { json: { type: 'boolean' } });
      if (wantsHelp(parsed)) {
        writeLine(io.stdout, POLICY_LIST_HELP);
        return 0;
      }
      const packs = describeRegistry(await loadRegistry());
      writeLine(io.stdout, flag(parsed, 'json') ? JSON.stringify(packs, null, 2) : renderPacks(packs));
      return 0;
    },
  };
}
