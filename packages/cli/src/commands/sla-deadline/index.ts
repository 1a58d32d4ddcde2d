/** `hourglass sla deadline`: one due time, with its reasons on request. */
import type { PolicyRegistry } from '@hourglass/policy';
import { parseFlags, wantsHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { writeLine } from '../../io.js';
import { answerDeadline } from './answer.js';
import { DEADLINE_FLAGS, readQuestion } from './question.js';
import { renderJson, renderText } from './render.js';

export const SLA_DEADLINE_HELP = `hourglass sla deadline: when a response is due

Usage:
  hourglass sla deadline --policy P --plan PLAN [--priority ID] [--metric ID] [--start INSTANT]
  hourglass sla deadline --calendar ID [--policy P] --business-hours H [--start INSTANT]
  hourglass sla deadline --calendar ID [--policy P] --business-days N [--start INSTANT]

Examples:
  hourglass sla deadline --policy twilio --plan bootstrap --priority P1 --start 2026-11-20T17:00:00-08:00
  hourglass sla deadline --policy exotel --plan smb --priority sev2 --metric response --explain
  hourglass sla deadline --calendar twilio-business-hours --business-days 2 --start 2026-11-25T10:00:00-08:00

Flags:
  --policy P          policy pack id (twilio, 360dialog, exotel)
  --plan PLAN         plan id or alias (twilio: free, bootstrap, premium, personalized)
  --priority ID       priority id (default: the pack's default priority)
  --metric ID         metric id (default: the pack's only metric; required when it has several)
  --calendar ID       count business time on this calendar instead of a plan's target
  --business-hours H  hours to add on --calendar (fractions allowed: 2.5), or a duration (1h30m)
  --business-days N   whole business days to add on --calendar, keeping the wall time
  --start INSTANT     ISO 8601 with an offset (default: now)
  --pack-version V    answer under this pack version instead of the one in force at the start
  --explain           list the open time counted and the closed time skipped (night, weekend, holiday)
  --json              print JSON instead of text
  -h, --help          show this help`;

export function slaDeadlineCommand(loadRegistry: () => Promise<PolicyRegistry>): Command {
  return {
    path: ['sla', 'deadline'],
    summary: 'when a response is due under a plan, or after business hours/days on a calendar',
    help: SLA_DEADLINE_HELP,
    async run(args, io) {
      const parsed = parseFlags(args, DEADLINE_FLAGS);
      if (wantsHelp(parsed)) {
        writeLine(io.stdout, SLA_DEADLINE_HELP);
        return 0;
      }
      const question = readQuestion(parsed, io.now());
      const answer = answerDeadline(await loadRegistry(), question);
      writeLine(io.stdout, question.json ? renderJson(answer) : renderText(answer));
      return 0;
    },
  };
}
